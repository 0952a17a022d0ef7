"""Question -> Answer: candidates and their ranking, sentence evidence, support, the refusal
checks and the confidence. Imports ``index``, ``corpus`` and ``text``; never prints."""
