"""The report as one standalone HTML file: the same sections, charts as inline SVG (opens offline)."""

from __future__ import annotations

from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..colours import series_colour
from .numbers import nl
from .report import Chart, Paragraph, Report, TableBlock


def render_html(report: Report) -> str:
    environment = Environment(loader=PackageLoader("begroot.export"), autoescape=select_autoescape(["html"]))
    template = environment.get_template("report.html")
    return template.render(report=report, render=_block)


def _block(block: TableBlock | Paragraph | Chart) -> Markup:
    if isinstance(block, TableBlock):
        return Markup(table_html(block))
    if isinstance(block, Paragraph):
        return Markup(f"<p>{_bold(block.text)}</p>")
    return Markup(chart_svg(block))


def _bold(text: str) -> str:
    """The only Markdown a paragraph carries: a **title**."""
    if text.startswith("**") and text.endswith("**"):
        return f"<strong>{escape(text[2:-2])}</strong>"
    return escape(text)


def table_html(block: TableBlock) -> str:
    head = _two_level_head(block) if block.groups else _row([escape(c) for c in block.columns], "th")
    body = "".join(_row([escape(label), *(nl(v) for v in values)], "td") for label, values in block.rows)
    return f'<p class="note">{escape(block.note)}</p><table><thead>{head}</thead><tbody>{body}</tbody></table>'


def _two_level_head(block: TableBlock) -> str:
    """VAK and VEK spanning their stage columns, as the document prints them."""
    top = f'<th rowspan="2">{escape(block.columns[0])}</th>' + "".join(
        f'<th colspan="{span}">{escape(credit)}</th>' for credit, span in block.groups
    )
    stages = "".join(f"<th>{escape(c.split(' ', 1)[1])}</th>" for c in block.columns[1:])
    return f"<tr>{top}</tr><tr>{stages}</tr>"


def _row(cells: list[str], tag: str) -> str:
    parts = [f"<{tag}>{cells[0]}</{tag}>"]
    parts += [f'<{tag} class="n">{c}</{tag}>' if tag == "td" else f"<{tag}>{c}</{tag}>" for c in cells[1:]]
    return "<tr>" + "".join(parts) + "</tr>"


def chart_svg(chart: Chart, width: int = 720, bar: int = 14) -> str:
    """Horizontal grouped bars: one group per category, one bar per series, labelled with the value."""
    label_width, value_width = 170, 110
    scale = (width - label_width - value_width) / max((abs(v) for _, s in chart.series for v in s), default=1) or 1
    group = bar * len(chart.series) + 8
    height = group * len(chart.categories) + 30
    parts = [_legend(chart)]
    for i, category in enumerate(chart.categories):
        top = 24 + i * group
        parts.append(f'<text x="0" y="{top + bar}" font-size="12">{escape(category)}</text>')
        for j, (name, values) in enumerate(chart.series):
            y, length = top + j * bar, abs(values[i]) * scale
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{series_colour(name, j)}"/>'
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar - 4}" font-size="11">'
                f"{_label(values[i], chart.unit)}</text>"
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(chart.title)}">{"".join(parts)}</svg>'
    )
    return f"<figure><figcaption>{escape(chart.title)}</figcaption>{svg}</figure>"


def _legend(chart: Chart) -> str:
    items = []
    for j, (name, _) in enumerate(chart.series):
        x = 170 + j * 110
        colour = series_colour(name, j)
        items.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="14" font-size="12">{escape(name)}</text>'
        )
    return "".join(items)


def _label(value: float, unit: str) -> str:
    return f"{nl(value)}%" if unit == "%" else f"{nl(value)} keuro"
