"""Evaluation reports as Markdown tables (plain text that also reads well in a terminal)."""

from __future__ import annotations

from collections.abc import Sequence

from qa_bot.console.render import plural
from qa_bot.eval.report import EvalReport, Rate
from qa_bot.text.sanitize import sanitize

_FORMATS = {"squad-v1.1": "SQuAD v1.1", "squad-v2.0": "SQuAD v2.0", "jsonl": "preguntas JSONL"}


def _metrics(report: EvalReport) -> list[tuple[str, Rate | float | None]]:
    """(Spanish label, value) of every metric, in table order."""
    return [
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


def render_report(report: EvalReport, per_article: bool = True) -> str:
    """One report: a metric table (value and count), then the per-article breakdown."""
    rows = [[label, _value(v), _count(v)] for label, v in _metrics(report) if v is not None]
    out = [describe(report), "", markdown_table(["métrica", "valor", "aciertos"], rows)]
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
    labels = [label for label, _ in _metrics(rows[0][1])]
    values = [[v for _, v in _metrics(report)] for _, report in rows]
    keep = [i for i in range(len(labels)) if any(vals[i] is not None for vals in values)]
    header = ["sistema", *(labels[i] for i in keep)]
    body = [
        [name, *(_value(vals[i]) for i in keep)]
        for (name, _), vals in zip(rows, values, strict=True)
    ]
    return markdown_table(header, body) + "\n"
