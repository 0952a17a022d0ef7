"""BM25 over passages (rank-bm25 with the Lucene IDF), postings, prefix scores, and the saved
index cache. Imports ``corpus`` and ``text``."""
