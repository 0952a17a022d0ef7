"""How the conversation looks: colours, the bottom toolbar, and word-wrapped output."""

from __future__ import annotations

from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

from qa_bot.bot import QABot
from qa_bot.console.render import Fragments, plural
from qa_bot.console.wrap import wrap_fragments
from qa_bot.repl.commands import describe_articles

# The same colours as render.to_ansi, so `qa-bot ask` and the conversation look alike.
STYLE = Style.from_dict(
    {
        "id": "bold ansicyan",
        "sentence": "bold",
        "match": "bold ansiyellow",
        "muted": "dim",
        "refusal": "bold",  # an answer, not an error: red is for errors
        "title": "bold",
        "confidence": "ansigreen",
        "answer": "bold",
        "error": "ansired",
        "command": "ansicyan",
        "prompt": "bold",
        "bottom-toolbar": "noreverse bg:ansiblue ansiwhite",
        "bottom-toolbar.key": "bold",
    }
)


TOOLBAR_TEXT, TOOLBAR_KEY = "class:bottom-toolbar.text", "class:bottom-toolbar.key"
_KEYS = [("/ayuda", "comandos"), ("Tab", "completa"), ("Ctrl-D", "sale")]
MIN_TITLE = 12


def _keys(keys: list[tuple[str, str]]) -> Fragments:
    out: Fragments = []
    for i, (key, what) in enumerate(keys):
        out += [(TOOLBAR_TEXT, " · " if i else " "), (TOOLBAR_KEY, key), (TOOLBAR_TEXT, f" {what}")]
    return [*out, (TOOLBAR_TEXT, " ")]


def _width(fragments: Fragments) -> int:
    return sum(get_cwidth(text) for _, text in fragments)


FOLLOWING = [" ↩ con la pregunta anterior (/nueva la olvida) │", " ↩ /nueva │"]


def toolbar(bot: QABot, width: int = 200, following: bool = False) -> Fragments:
    """The bottom toolbar: the article and the keys worth knowing, in ``width`` columns; when
    the last question was answered with the previous ones (``following``), it says so first.

    What does not fit goes, least useful first: the Tab key, then the end of the title, then the
    article, then the help key; nothing is cut in the middle by the terminal."""
    if following:
        for note in FOLLOWING:
            rest = toolbar(bot, width - get_cwidth(note)) if get_cwidth(note) < width else []
            if rest:
                return [(TOOLBAR_KEY, note), *rest]
        # No room for the keys beside it: the note alone, without a separator left hanging.
        note = FOLLOWING[-1].rstrip(" │") + " "
        return [(TOOLBAR_KEY, note)] if get_cwidth(note) <= width else []
    title = describe_articles(bot)
    count = plural(len(bot.passages), "pasaje")
    short_keys = [_KEYS[0], _KEYS[2]]
    for keys in (_KEYS, short_keys):
        whole = [(TOOLBAR_TEXT, f" {title} · {count} │"), *_keys(keys)]
        if _width(whole) <= width:
            return whole
    room = width - _width([(TOOLBAR_TEXT, f" «» · {count} │"), *_keys(short_keys)])
    if room >= MIN_TITLE and title.startswith("«"):
        cut = title[1:-1].rstrip("…")
        while cut and get_cwidth(cut) + 1 > room:
            cut = cut[:-1]
        at_word = cut.rsplit(" ", 1)[0]
        if " " in cut and 3 * get_cwidth(at_word) >= 2 * room:  # at a word if little is lost
            cut = at_word
        return [(TOOLBAR_TEXT, f" «{cut.rstrip(' ,.;:')}…» · {count} │"), *_keys(short_keys)]
    for keys in (short_keys, _KEYS[2:]):
        if _width(_keys(keys)) <= width:
            return _keys(keys)
    return []


def show(out: Output, fragments: Fragments) -> None:
    """Print ``fragments`` on ``out`` in colour, wrapped to its width."""
    width = max(out.get_size().columns, 20)
    print_formatted_text(
        FormattedText(wrap_fragments(fragments, width)),
        end="",
        style=STYLE,
        output=out,
        include_default_pygments_style=False,
    )
