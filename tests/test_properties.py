"""Property tests: splitting and analysis never raise and keep their invariants on any text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from qa_bot import QABot
from qa_bot.corpus import passages as passages_module
from qa_bot.corpus.passages import paragraph_spans, split_article, split_articles
from qa_bot.models import Article
from qa_bot.text.analysis import normalize, term_spans, terms, tokens
from qa_bot.text.sentences import sentence_spans

PROPERTY = settings(max_examples=150, deadline=None)

# Pieces that stress the splitters: line endings, blank lines, abbreviations, numbers, quotes,
# inverted marks, a BOM, combining accents, ñ.
PIECES = st.sampled_from(
    [
        "a", "Rusia", "año", "Ñu", "canción", "cancio\u0301n", " ", "  ", "\t", "\n", "\n\n",
        "\r\n", "\r\n\r\n", " \n \n", ".", ". ", "? ", "¿", "¡", "!", "…", "«", "»", '"',
        "EE. UU.", "Sr. ", "J. K. ", "1,5", "1.500", "etc. ", "\ufeff", "\u00a0", "-", "—",
    ]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=120).map("".join) | st.text(max_size=300)


def article(text: str, slug: str = "a") -> Article:
    return Article(slug=slug, path=f"{slug}.txt", title=slug, text=text)


@PROPERTY
@given(TEXT)
def test_passages_map_back_exactly_and_stay_in_their_paragraph(text: str) -> None:
    passages = split_article(article(text))
    paragraphs = paragraph_spans(text)
    assert len({p.id for p in passages}) == len(passages)
    assert sorted({p.paragraph for p in passages}) == list(range(1, len(paragraphs) + 1))
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.text.strip() == p.text != ""
        start, end = paragraphs[p.paragraph - 1]
        assert start <= p.start < p.end <= end
    # Nothing but whitespace is left out.
    covered = "".join(text[s:e] for s, e in paragraphs)
    assert "".join(covered.split()) == "".join(text.split())


@PROPERTY
@given(TEXT)
def test_same_text_same_passages(text: str) -> None:
    assert split_article(article(text)) == split_article(article(text))


@PROPERTY
@given(TEXT)
def test_windows_of_long_paragraphs_cover_every_sentence(text: str) -> None:
    # Tiny limits so that ordinary generated paragraphs are split into windows.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passages_module, "MAX_PASSAGE_CHARS", 30)
        patch.setattr(passages_module, "WINDOW_CHARS", 15)
        passages = split_article(article(text))
    assert len({p.id for p in passages}) == len(passages)
    for number, (start, end) in enumerate(paragraph_spans(text), start=1):
        windows = [p for p in passages if p.paragraph == number]
        assert windows
        if len(windows) > 1:
            assert [w.id for w in windows] == [f"p{number}.{i}" for i in range(1, len(windows) + 1)]
        for s, e in sentence_spans(text, start, end):
            assert any(w.start <= s and e <= w.end for w in windows)
        for w in windows:
            assert text[w.start : w.end] == w.text
            assert start <= w.start < w.end <= end


@PROPERTY
@given(st.lists(TEXT.filter(str.strip), min_size=2, max_size=4))
def test_several_articles_have_unique_prefixed_ids(texts: list[str]) -> None:
    articles = [article(t, slug=f"art{i}") for i, t in enumerate(texts)]
    passages = split_articles(articles)
    assert len({p.id for p in passages}) == len(passages)
    by_slug = {a.slug: a for a in articles}
    for p in passages:
        assert p.id.startswith(f"{p.article}:p")
        assert by_slug[p.article].text[p.start : p.end] == p.text


@PROPERTY
@given(TEXT)
def test_sentences_are_ordered_trimmed_and_lose_only_whitespace(text: str) -> None:
    spans = sentence_spans(text)
    previous = 0
    for s, e in spans:
        assert previous <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        previous = e
    joined = "".join(text[s:e] for s, e in spans)
    assert "".join(joined.split()) == "".join(text.split())


@PROPERTY
@given(TEXT)
def test_tokens_and_terms_never_raise_and_map_back(text: str) -> None:
    found = list(tokens(text))
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.lower == normalize(t.text).lower()
        assert "ñ" in t.folded or "ñ" not in t.lower
    analyzed = terms(text)
    assert analyzed == [term for term, _ in term_spans(text)]
    assert len(analyzed) <= len(found)
    assert all(analyzed)


@PROPERTY
@given(TEXT)
def test_analysis_ignores_the_normalization_form(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert terms(unicodedata.normalize("NFD", nfc)) == terms(nfc)


@pytest.fixture(scope="module")
def bundled() -> QABot:
    return QABot.load()


QUESTION_WORDS = st.sampled_from(
    "¿ ? ¿Qué qué QUE cuándo Cuánto tiempo años Rusia Corea del Norte la de es lo se describe "
    "a como por quién dónde armas drones Shoigu 1950 1,5 , . ! ¡ « » ñ Ñ \x1b \u202e".split()
)
QUESTIONS = st.lists(QUESTION_WORDS, max_size=12).map(" ".join) | st.text(max_size=120)


@PROPERTY
@given(QUESTIONS, st.integers(min_value=1, max_value=9))
def test_any_question_gets_a_valid_answer(bundled: QABot, question: str, k: int) -> None:
    assume(question.strip())
    answer = bundled.ask(question, top_k=k)
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.supported == (answer.confidence >= 0.5)
    assert answer.supported == (answer.reason is None)
    ids = [h.id for h in answer.passages]
    assert len(ids) == len(set(ids)) <= k
    assert [h.score for h in answer.passages] == sorted(
        (h.score for h in answer.passages), reverse=True
    )
    for hit in answer.passages:
        assert hit.text[hit.sentence_start : hit.sentence_end] == hit.sentence
        assert bundled.cite(hit.id).text == hit.text
