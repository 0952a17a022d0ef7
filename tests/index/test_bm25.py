"""BM25 with Lucene's IDF on tiny corpora, where rank-bm25's BM25Okapi goes wrong.

BM25Okapi's IDF is ln((N - df + 0.5) / (df + 0.5)), floored at epsilon * average IDF: 0 for a term in
half of an even corpus, negative past half (rank-bm25 issues #29, #39, #43, #50). LuceneBM25 uses
ln(1 + (N - df + 0.5) / (df + 0.5)), positive for every df <= N.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from qa_bot.index.bm25 import K1, B, LuceneBM25, lucene_idf

SIZES = (2, 4, 7, 20)
CASES = [(n, df) for n in SIZES for df in sorted({n // 2, (n + 1) // 2, n})]


def corpus(n: int, df: int) -> list[list[str]]:
    """``n`` documents of equal length; the first ``df`` contain the term "x"."""
    return [["x" if i < df else f"v{i}", f"u{i}"] for i in range(n)]


@pytest.mark.parametrize(("n", "df"), CASES)
def test_lucene_idf_is_positive_on_tiny_corpora(n: int, df: int) -> None:
    bm25 = LuceneBM25(corpus(n, df))
    assert bm25.idf["x"] > 0
    assert bm25.idf["x"] == pytest.approx(math.log(1 + (n - df + 0.5) / (df + 0.5)))


@pytest.mark.parametrize(("n", "df"), [(n, df) for n, df in CASES if df < n])
def test_a_passage_with_the_term_outranks_one_without(n: int, df: int) -> None:
    scores = LuceneBM25(corpus(n, df)).get_scores(["x"])
    with_term, without = scores[:df], scores[df:]
    assert min(with_term) > max(without)
    assert max(without) == 0.0


@pytest.mark.parametrize("n", [2, 4, 20])
def test_plain_okapi_gives_zero_idf_to_a_term_in_half_the_passages(n: int) -> None:
    docs = corpus(n, n // 2)
    okapi = BM25Okapi(docs)
    assert okapi.idf["x"] == 0.0
    scores = okapi.get_scores(["x"])
    assert scores[0] == scores[-1]  # the passage with "x" does not outrank one without
    fixed = LuceneBM25(docs).get_scores(["x"])
    assert fixed[0] > fixed[-1]


def test_plain_okapi_ranks_a_passage_without_the_term_first_when_idf_is_negative() -> None:
    # N = 7, "guerra" everywhere and "x" in 4: both IDFs are negative, so is their average, and
    # the floor epsilon * average is negative too.
    docs = [["guerra", "x"]] * 4 + [["guerra", "y"]] * 3
    okapi = BM25Okapi(docs)
    assert okapi.average_idf < 0
    assert okapi.idf["x"] < 0
    scores = okapi.get_scores(["x"])
    assert int(np.argmax(scores)) >= 4  # a passage without "x" wins

    fixed = LuceneBM25(docs)
    assert fixed.idf["x"] > 0 and fixed.idf["guerra"] > 0
    fixed_scores = fixed.get_scores(["x"])
    assert min(fixed_scores[:4]) > max(fixed_scores[4:]) == 0.0


@pytest.mark.parametrize("n", SIZES)
def test_lucene_idf_decreases_with_document_frequency(n: int) -> None:
    values = [lucene_idf(n, df) for df in range(0, n + 1)]
    assert all(v > 0 for v in values)
    assert values == sorted(values, reverse=True)
    assert len(set(values)) == len(values)


def test_score_is_the_bm25_formula() -> None:
    docs = [["x", "x", "a"], ["x", "b", "c", "d", "e"], ["f"]]
    bm25 = LuceneBM25(docs)
    assert (bm25.k1, bm25.b) == (K1, B)
    avgdl = (3 + 5 + 1) / 3
    idf = lucene_idf(3, 2)

    def expected(tf: int, dl: int) -> float:
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))

    assert bm25.get_scores(["x"]) == pytest.approx([expected(2, 3), expected(1, 5), 0.0])


def test_more_occurrences_score_higher_at_equal_length() -> None:
    scores = LuceneBM25([["x", "x", "a"], ["x", "a", "b"], ["c", "d", "e"]]).get_scores(["x"])
    assert scores[0] > scores[1] > scores[2] == 0.0


def test_batch_scores_equal_full_scores() -> None:
    docs = corpus(20, 7)
    bm25 = LuceneBM25(docs)
    ids = [0, 3, 6, 7, 19]
    full = bm25.get_scores(["x", "u3"])
    assert bm25.get_batch_scores(["x", "u3"], ids) == pytest.approx(full[ids])


def test_empty_corpus_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        LuceneBM25([])


def test_all_empty_documents_score_zero_instead_of_dividing_by_zero() -> None:
    with pytest.raises(ZeroDivisionError):
        BM25Okapi([[], []])  # rank-bm25 #36
    bm25 = LuceneBM25([[], []])
    assert list(bm25.get_scores(["x"])) == [0.0, 0.0]
    assert list(bm25.get_batch_scores(["x"], [0, 1])) == [0.0, 0.0]


def test_an_empty_document_among_others() -> None:
    scores = LuceneBM25([[], ["x", "y"], ["y"]]).get_scores(["x"])
    assert scores[0] == 0.0 and scores[2] == 0.0 and scores[1] > 0


def test_an_unknown_query_term_scores_nothing() -> None:
    assert list(LuceneBM25(corpus(4, 2)).get_scores(["zzz"])) == [0.0] * 4
