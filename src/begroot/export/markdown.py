"""The report as Markdown: headings, BBT tables with Dutch numbers, the sentences."""

from __future__ import annotations

from .numbers import nl
from .report import Chart, Paragraph, Report, TableBlock


def render_markdown(report: Report) -> str:
    doc = report.document
    lines = [f"# {report.title}", "", f"{doc['title']} (`{doc['name']}`, {doc['kind']}, {doc['stage']} {doc['year']}), "
             "regenerated from the database. Amounts in thousand euro.", ""]  # fmt: skip
    for section in report.sections:
        lines += [f"{'#' * section.level} {section.title}", ""]
        for block in section.blocks:
            lines += [*_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _block(block: TableBlock | Paragraph | Chart) -> list[str]:
    if isinstance(block, TableBlock):
        return table_lines(block)
    if isinstance(block, Paragraph):
        return [block.text]
    return chart_lines(block)


def _cells(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def table_lines(block: TableBlock) -> list[str]:
    header = _cells(block.columns)
    rule = "|" + "|".join(["---"] + ["---:"] * (len(block.columns) - 1)) + "|"
    body = [_cells([label, *(nl(v) for v in values)]) for label, values in block.rows]
    return [f"*{block.note}*", "", header, rule, *body]


def chart_lines(chart: Chart) -> list[str]:
    """Charts become a small table in Markdown (the HTML report draws them)."""
    header = _cells([chart.title, *(name for name, _ in chart.series)])
    rule = "|" + "|".join(["---"] + ["---:"] * len(chart.series)) + "|"
    rows = [
        _cells([category, *(_value(series[i], chart.unit) for _, series in chart.series)])
        for i, category in enumerate(chart.categories)
    ]
    return [header, rule, *rows]


def _value(value: float, unit: str) -> str:
    return f"{nl(value)}%" if unit == "%" else nl(value)
