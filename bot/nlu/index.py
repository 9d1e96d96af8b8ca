"""A BM25 index whose postings hold precomputed impacts, so a query is a few numpy adds.

One document per target (knowledge entry or intent), pooling its example questions, keywords and
titles in every language: pooled vocabulary catches paraphrases that no single example has. The
scores are query-independent per (term, document), so they are computed once at load; at query
time each known term adds its postings into one array. At 10,000 entries that is ~0.1 ms, where
scoring document by document in Python took tens of milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["BM25Index"]


class BM25Index:
    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.5):
        self.size = len(documents)
        lengths = np.array([len(doc) for doc in documents], dtype=np.float32)
        avg = float(lengths.mean()) if self.size else 1.0
        df: Counter[str] = Counter()
        for doc in documents:
            df.update(set(doc))
        self.idf: dict[str, float] = {
            term: math.log(1.0 + (self.size - n + 0.5) / (n + 0.5)) for term, n in df.items()
        }
        self.max_idf = math.log(1.0 + (self.size + 0.5) / 0.5)
        self.k1 = k1
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for doc_id, doc in enumerate(documents):
            norm = k1 * (1.0 - b + b * lengths[doc_id] / avg)
            for term, tf in Counter(doc).items():
                ids, weights = postings.setdefault(term, ([], []))
                ids.append(doc_id)
                weights.append(self.idf[term] * tf * (k1 + 1.0) / (tf + norm))
        self._postings = {
            term: (np.array(ids, dtype=np.int32), np.array(w, dtype=np.float32))
            for term, (ids, w) in postings.items()
        }

    def scores(self, query: Sequence[str]) -> tuple[np.ndarray, float]:
        """BM25 of every document, and the best score the query could reach (for coverage)."""
        out = np.zeros(self.size, dtype=np.float32)
        ceiling = 0.0
        for term in set(query):
            posting = self._postings.get(term)
            if posting is None:
                # A word no document knows still counts against coverage: "weather tomorrow"
                # should not look fully explained by the one word it shares with an entry.
                ceiling += self.max_idf * 0.5 * (self.k1 + 1.0)
                continue
            ids, weights = posting
            out[ids] += weights
            ceiling += self.idf[term] * (self.k1 + 1.0)
        return out, ceiling
