"""Evaluation on SQuAD-format files and readers' questions (JSONL) over the public ``QABot``."""
