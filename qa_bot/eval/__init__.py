"""Evaluation over the public ``QABot``: SQuAD files, seed questions (JSONL) and noticias folders."""
