"""Evaluation reports as Markdown tables (plain text that also reads well in a terminal).

``render_report`` and ``render_comparison`` show SQuAD and seed reports; ``render_news_report``
and ``render_news_comparison`` the noticias ones, by question kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from qa_bot.console.render import plural
from qa_bot.eval.report import EvalReport, NewsReport, NewsScores, Rate
from qa_bot.text.sanitize import sanitize

_FORMATS = {"squad-v1.1": "SQuAD v1.1", "squad-v2.0": "SQuAD v2.0", "jsonl": "preguntas JSONL"}


def _metrics(report: EvalReport, phrase: bool = True) -> list[tuple[str, Rate | float | None]]:
    """(Spanish label, value) of every metric, in table order; ``phrase`` False leaves out the
    answer phrase's (the benchmark's peers choose none)."""
    rows: list[tuple[str, Rate | float | None]] = [
        ("top-1 por artículo", report.top1),
        ("frase con la respuesta", report.sentence_top1),
        ("top-1 conjunto", report.pooled_top1),
        (f"MRR@{report.depth}", report.mrr),
        ("recall@3", report.recall_at_3),
        ("rechazos en falso", report.false_refusals),
        ("de otro artículo, rechazadas", report.other_article_refused),
        ("sin respuesta, rechazadas", report.unanswerable_refused),
        ("sin su párrafo, rechazadas", report.cut_paragraph_refused),
    ]
    if not phrase:
        return rows
    return [
        *rows,
        ("con frase de respuesta", report.phrases),
        ("frase: exact match (todas)", report.exact_match),
        ("frase: F1 (todas)", report.f1),
        ("frase: exact match (con frase)", report.exact_match_phrased),
        ("frase: F1 (con frase)", report.f1_phrased),
    ]


def _cell(text: str) -> str:
    """Untrusted text (titles, file names) safe in one table cell on a terminal."""
    return sanitize(text, keep_newlines=False).replace("|", "\\|")


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _value(value: Rate | float | None) -> str:
    return _number(value.rate if isinstance(value, Rate) else value)


def _count(value: Rate | float | None) -> str:
    return f"{value.count}/{value.total}" if isinstance(value, Rate) else ""


def markdown_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1
) -> str:
    """A Markdown pipe table with aligned columns; columns from ``numeric_from`` align right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if i >= numeric_from else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(
        "-" * (w + 1) + ":" if i >= numeric_from else "-" * (w + 2) for i, w in enumerate(widths)
    )
    return "\n".join([line(header), rule + "|", *(line(r) for r in rows)])


def describe(report: EvalReport) -> str:
    """One line on what was evaluated ("xquad-es-dev.json (SQuAD v1.1): 24 artículos, ...")."""
    parts = [plural(report.articles, "artículo"), plural(report.questions, "pregunta")]
    if report.unanswerable:
        parts.append(f"{report.answerable} con respuesta y {report.unanswerable} sin ella")
    return f"{_cell(report.source)} ({_FORMATS[report.format]}): {', '.join(parts)}"


def _reader(semantic: str | None) -> str:
    """What ranked the passages: the line under a report's description."""
    if semantic:
        return f"Orden de los pasajes: BM25 y el lector semántico {_cell(semantic)}."
    return "Orden de los pasajes: BM25, sin lector semántico."


def render_report(report: EvalReport, per_article: bool = True) -> str:
    """One report: a metric table (value and count), then the per-article breakdown."""
    rows = [[label, _value(v), _count(v)] for label, v in _metrics(report) if v is not None]
    out = [
        describe(report),
        _reader(report.semantic),
        "",
        markdown_table(["métrica", "valor", "aciertos"], rows),
    ]
    if per_article and report.per_article:
        header = ["artículo", "top-1", "frase con la respuesta", "rechazos en falso"]
        cross = report.per_article[0].other_article_refused is not None
        v2 = report.unanswerable > 0
        if cross:
            header.append("de otro art., rechazadas")
        if v2:
            header.append("sin respuesta, rechazadas")
        body = []
        for a in report.per_article:
            row = [
                _cell(a.title),
                _rate_and_count(a.top1),
                _rate_and_count(a.sentence_top1),
                _rate_and_count(a.false_refusals),
            ]
            if cross:
                row.append(_rate_and_count(a.other_article_refused))
            if v2:
                row.append(_rate_and_count(a.unanswerable_refused))
            body.append(row)
        out += ["", markdown_table(header, body)]
    return "\n".join(out) + "\n"


def _rate_and_count(rate: Rate | None) -> str:
    return "—" if rate is None else f"{_number(rate.rate)} ({rate.count}/{rate.total})"


def render_comparison(rows: Sequence[tuple[str, EvalReport]]) -> str:
    """Systems side by side on one file: a row per system, a column per metric (rates only)."""
    if not rows:
        return ""
    labels = [label for label, _ in _metrics(rows[0][1], phrase=False)]
    values = [[v for _, v in _metrics(report, phrase=False)] for _, report in rows]
    keep = [i for i in range(len(labels)) if any(vals[i] is not None for vals in values)]
    header = ["sistema", *(labels[i] for i in keep)]
    body = [
        [name, *(_value(vals[i]) for i in keep)]
        for (name, _), vals in zip(rows, values, strict=True)
    ]
    return markdown_table(header, body) + "\n"


# The noticias kinds in Spanish; the code of the data follows in parentheses.
KIND_LABELS = {
    "paraphrase": "paráfrasis",
    "anaphora": "anáfora",
    "literal": "literal",
    "yesno-or-why": "por qué o cómo",
    "near": "pide un dato que no da",
    "absent-entity": "entidad ausente",
    "offtopic": "ajena al tema",
}
_NEWS_COLUMNS = [
    "correctas",
    "frase con la respuesta",
    "frase exacta",
    "frase exacta, de las mostradas",
    "rechazos en falso",
    "sin respuesta, rechazadas",
]


def kind_label(kind: str) -> str:
    """A question kind as the tables show it: «paráfrasis (paraphrase)»."""
    spanish = KIND_LABELS.get(kind)
    return _cell(kind) if spanish is None or spanish == kind else f"{spanish} ({kind})"


def _news_cells(scores: NewsScores) -> list[str]:
    return [
        _rate_and_count(r)
        for r in (
            scores.right,
            scores.sentence,
            scores.phrase,
            scores.phrase_shown,
            scores.false_refusals,
            scores.refused,
        )
    ]


def describe_news(report: NewsReport) -> str:
    """One line on what was evaluated ("noticias (noticias): 8 artículos, 208 preguntas, ...")."""
    parts = [
        plural(report.articles, "artículo"),
        plural(report.questions, "pregunta"),
        f"{report.answerable} con respuesta y {report.unanswerable} sin ella",
    ]
    line = f"{_cell(report.source)} (noticias): {', '.join(parts)}"
    if report.dialogues:
        d = report.dialogues
        line += f"; {plural(d.dialogues, 'diálogo')}, {plural(d.turns, 'turno')}"
    return line


def render_news_report(report: NewsReport) -> str:
    """A noticias report: by kind, by article, the dialogues, and the confidence buckets."""
    kinds = [[kind_label(k), *_news_cells(s)] for k, s in report.by_kind.items()]
    kinds.append(["todas", *_news_cells(report.scores)])
    articles = [[_cell(a.name), *_news_cells(a.scores)] for a in report.per_article]
    out = [
        describe_news(report),
        _reader(report.semantic),
        "",
        "Correctas: el primer pasaje citado está en el párrafo de la respuesta y la contiene; "
        "frase: también la frase mostrada; frase exacta: la frase de respuesta contiene la "
        "respuesta y mide como mucho el triple (de las mostradas: entre todas las preguntas "
        "que muestran una).",
        "",
        markdown_table(["tipo de pregunta", *_NEWS_COLUMNS], kinds),
    ]
    if len(articles) > 1:
        out += ["", markdown_table(["artículo", *_NEWS_COLUMNS], articles)]
    if report.dialogues:
        d = report.dialogues
        how = "con los turnos anteriores" if d.context else "cada turno solo, sin los anteriores"
        turns = [
            ["primeros turnos", *_news_cells(d.first)],
            ["turnos siguientes", *_news_cells(d.follow_up)],
            ["todos", *_news_cells(d.all)],
        ]
        out += ["", f"Diálogos ({how}):", "", markdown_table(["turnos", *_NEWS_COLUMNS], turns)]
    buckets = [
        [
            f"{b.low:.1f}–{b.high:.1f}",
            str(b.right.total),
            str(b.right.count),
            _number(b.right.rate),
            _number(b.mean_confidence),
        ]
        for b in report.reliability
    ]
    header = ["confianza", "respuestas dadas", "correctas", "proporción", "confianza media"]
    out += [
        "",
        "Respuestas dadas (no rechazadas) a las preguntas de los artículos, por confianza:",
        "",
        markdown_table(header, buckets),
    ]
    return "\n".join(out) + "\n"


def _count_or_dash(rate: Rate | None) -> str:
    return "—" if rate is None else f"{rate.count}/{rate.total}"


def render_news_comparison(rows: Sequence[tuple[str, NewsReport]]) -> str:
    """Systems side by side on a noticias set: a row per measure, a column per system."""
    if not rows:
        return ""
    reports = [report for _, report in rows]
    first = reports[0]
    answerable = [k for k, s in first.by_kind.items() if s.right is not None]
    unanswerable = [k for k, s in first.by_kind.items() if s.right is None]
    measures: list[tuple[str, Callable[[NewsReport], Rate | None]]] = [
        ("con respuesta, correctas", lambda r: r.scores.right),
        *((f"· {kind_label(k)}", partial(_kind_right, k)) for k in answerable),
        ("frase con la respuesta", lambda r: r.scores.sentence),
        ("frase exacta", lambda r: r.scores.phrase),
        ("frase exacta, de las mostradas", lambda r: r.scores.phrase_shown),
        ("rechazos en falso", lambda r: r.scores.false_refusals),
        ("sin respuesta, rechazadas", lambda r: r.scores.refused),
        *((f"· {kind_label(k)}", partial(_kind_refused, k)) for k in unanswerable),
    ]
    if first.dialogues:
        measures += [
            ("diálogos: primeros turnos, correctas", lambda r: _turns(r, "first", "right")),
            ("diálogos: turnos siguientes, correctas", lambda r: _turns(r, "follow_up", "right")),
            ("diálogos: sin respuesta, rechazados", lambda r: _turns(r, "all", "refused")),
        ]
    body = [[label, *(_count_or_dash(get(r)) for r in reports)] for label, get in measures]
    return markdown_table(["medida", *(_cell(name) for name, _ in rows)], body) + "\n"


def _kind_right(kind: str, report: NewsReport) -> Rate | None:
    scores = report.by_kind.get(kind)
    return None if scores is None else scores.right


def _kind_refused(kind: str, report: NewsReport) -> Rate | None:
    scores = report.by_kind.get(kind)
    return None if scores is None else scores.refused


def _turns(report: NewsReport, group: str, field: str) -> Rate | None:
    if report.dialogues is None:
        return None
    rate: Rate | None = getattr(getattr(report.dialogues, group), field)
    return rate
