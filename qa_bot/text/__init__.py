"""Spanish text: normalizing, tokens and stems, sentences, question analysis, spelling, the
background frequencies of Spanish, and cleaning untrusted text. Imports nothing else of qa_bot but
``qa_bot.data``."""
