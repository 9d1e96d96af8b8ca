"""A linear model over character n-grams, learnt from the content's own example questions.

BM25 and fuzzy closeness compare a message with examples one word or one string at a time; a
supervised model learns which pieces of text tell two neighbouring entries apart ("設備" and
"お試し" for the equipment trial, "相談" and "センター" for the promotion centre). Character
n-grams need no tokenizer in any of our scripts and survive typos, missing diacritics and glued
Nepali postpositions. It is close to the plain peer a user would pick (TF-IDF char n-grams +
logistic regression, Rasa's default pipeline, measured beside madoguchi in benchmarks/peers.py);
here it is one voice among the matcher's evidence.

scikit-learn fits the model once per content change (the engine cache keeps the result); at run
time scoring is a dictionary lookup per n-gram and one small matrix product in numpy, so the
bot process never imports scikit-learn when the cache is warm.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from bot.nlu.normalize import fold, normalize, script_runs
from bot.nlu.places import Places

__all__ = ["NgramModel", "features"]

_CJK = ("cjk", "hangul")
TEMPERATURE = 5.0  # SVM margins (about -1..1) times this, then a softmax
# The SVM's C. On the held-out folds (2026-12-04) 0.25, 0.5, 1, 2 and 4 gave top-1 87.0, 87.5,
# 87.8, 88.1 and 87.9 %, and 2 caught two more of 809 emergencies at the same share of calm
# questions flagged; but on the emergency stress set (tests/eval/stress/, wording nobody tuned
# for) 2 caught 94 % of the 495 emergencies at 91 % precision against 0.5's 95 % at 92 %, and
# emergencies come first.
C = 0.5


ABROAD = "@abroad"  # the feature of a message that names a place outside Japan


def features(text: str, places: Places | None = None) -> Counter[str]:
    """The n-grams of a message: words and 2-5 letter pieces of each word (folded, so "nghỉ
    phép" meets "nghi phep"); runs of kana, kanji and hangul give single characters, pairs
    and triples (5-letter pieces added 0.3 points of top-1 in cross-validation, 4-character
    ones for kanji and hangul took 0.2 away)."""
    out: Counter[str] = Counter()
    norm = normalize(text)
    if places is not None and places.mentions(norm):
        out[ABROAD] = 1
    norm = fold(norm)
    for script, run in script_runs(norm):
        if script in _CJK:
            out.update(run)
            padded = f"<{run}>"
            for n in (2, 3):
                out.update(padded[i : i + n] for i in range(len(padded) - n + 1))
            continue
        out[f"w:{run}"] += 1
        padded = f"<{run}>"
        for n in (2, 3, 4, 5):
            out.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


class NgramModel:
    """TF-IDF over `features`, a linear SVM per class, scored with numpy."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        labels: Sequence[str],
        places: Places | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.places = places
        self.idf = idf.astype(np.float32)
        self.coef = np.ascontiguousarray(coef.T, dtype=np.float32)  # features x labels
        self.intercept = intercept.astype(np.float32)
        self.labels = list(labels)

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        c: float = C,
        places: Places | None = None,
    ) -> NgramModel:
        """Fit on labelled texts; scikit-learn is imported here only (build time)."""
        from scipy.sparse import csr_matrix
        from sklearn.svm import LinearSVC

        vocab: dict[str, int] = {}
        rows: list[tuple[np.ndarray, np.ndarray]] = []  # (feature ids, 1 + log count) per text
        for text in texts:
            grams = features(text, places)
            ids = np.fromiter((vocab.setdefault(g, len(vocab)) for g in grams), np.int64)
            tf = np.fromiter((1.0 + math.log(n) for n in grams.values()), np.float64)
            rows.append((ids, tf))
        size = len(texts)
        df = np.bincount(np.concatenate([ids for ids, _ in rows]), minlength=len(vocab))
        idf = np.log((1 + size) / (1 + df)) + 1.0
        values = []
        for ids, tf in rows:
            w = tf * idf[ids]
            values.append(w / (np.linalg.norm(w) or 1.0))
        indptr = np.cumsum([0] + [len(ids) for ids, _ in rows])
        x = csr_matrix(
            (np.concatenate(values), np.concatenate([ids for ids, _ in rows]), indptr),
            shape=(size, len(vocab)),
        )
        classes = sorted(set(labels))
        # A linear SVM, one class against the rest: fits in a second or two with little memory
        # (multinomial logistic regression with L-BFGS took a minute and over a gigabyte here);
        # its margins become probabilities through a softmax with a fixed temperature.
        model = LinearSVC(C=c, tol=1e-3, random_state=0).fit(x, labels)
        assert list(model.classes_) == classes
        return cls(
            vocab, idf, model.coef_ * TEMPERATURE, model.intercept_ * TEMPERATURE, classes, places
        )

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature ids, tf-idf weights, l2-normalised) of a message; unknown n-grams drop."""
        vocab = self.vocabulary
        items = [(vocab[t], n) for t, n in features(text, self.places).items() if t in vocab]
        if not items:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        ids = np.fromiter((i for i, _ in items), dtype=np.int64, count=len(items))
        tf = np.fromiter((1.0 + math.log(n) for _, n in items), np.float32, len(items))
        tf *= self.idf[ids]
        tf /= float(np.linalg.norm(tf)) or 1.0
        return ids, tf

    def probabilities(self, text: str) -> np.ndarray:
        """P(label | text) for every label, in `labels` order."""
        ids, tf = self.vector(text)
        z = self.intercept + (tf @ self.coef[ids] if ids.size else 0.0)
        z = z - z.max()
        p = np.exp(z)
        return p / p.sum()
