"""Figures in article prose, marked and linked to the audit findings that checked them.

A prose finding knows the offset of its figure in the text it checked (`context.offset` in the
article's explanation), so each figure is marked with the finding about that very figure, even when
the same figure stands twice in the text. Findings stored without an offset are matched by the
figure as printed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..audit.messages import message

# '292.136 keuro', '1.493 keuro', '82%', '100,3 %', '99.6%': the figures the prose audit reads.
FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?\s?(?:keuro|%)|(?<![\d.,])\d+\.\d{1,2}\s?%")
PROSE_RULES = {"prose-check", "prose-mismatch"}


def in_article(finding: dict[str, Any], article: dict[str, Any]) -> bool:
    """A prose finding about this article whose first location (the figure) lies within its lines."""
    where = (finding.get("locations") or [{}])[0]
    return (
        finding["rule"] in PROSE_RULES
        and where.get("document") == article["document"]
        and article["line"] <= int(where.get("source_line") or 0) <= (article["end_line"] or article["line"])
    )


class Figures:
    """The findings of a text's figures: by offset where the finding knows it, else by the figure as printed."""

    def __init__(self, findings: list[dict[str, Any]], field: str):
        self.at: dict[int, list[dict[str, Any]]] = {}
        self.printed: dict[str, list[dict[str, Any]]] = {}
        for finding in sorted(findings, key=lambda f: f["rule"] != "prose-mismatch"):
            context = finding.get("context") or {}
            if "offset" in context:
                if context.get("field", "explanation") == field:
                    self.at.setdefault(int(context["offset"]), []).append(finding)
            else:
                figure = re.sub(r"\s", "", str(context.get("figure", "")))
                self.printed.setdefault(figure, []).append(finding)

    def of(self, offset: int, figure: str) -> list[dict[str, Any]]:
        return self.at.get(offset) or self.printed.get(re.sub(r"\s", "", figure), [])


def by_figure(findings: list[dict[str, Any]], field: str = "explanation") -> Figures:
    return Figures(findings, field)


def _mark(figure: str, findings: list[dict[str, Any]], anchored: set[str], lang: str = "nl") -> str:
    if not findings:
        return f'<mark class="fig unchecked">{escape(figure)}</mark>'
    finding = findings[0]
    # red only for a mismatch that counts: not one "rounded differently" (info), not one reviewed false-positive
    wrong = finding["rule"] == "prose-mismatch" and finding.get("severity") != "info"
    wrong = wrong and finding.get("verdict") != "false-positive"
    status = "bad" if wrong else "ok" if finding.get("verified") or finding["rule"] == "prose-mismatch" else "unchecked"
    # The first mark of a finding carries its anchor, so /audit can link straight to it.
    anchor = "" if finding["finding_id"] in anchored else f' id="finding-{finding["finding_id"]}"'
    anchored.add(finding["finding_id"])
    title = escape(message(finding, lang) + (f" [{finding['verdict']}]" if finding.get("verdict") else ""))
    return (
        f'<a class="figlink" href="{escape(_source(finding))}"{anchor} title="{title}">'
        f'<mark class="fig {status}">{escape(figure)}</mark></a>'
    )


def _source(finding: dict[str, Any]) -> str:
    """The page view of the figure's line with the finding selected; the audit page where it has no place."""
    where = (finding.get("locations") or [{}])[0]
    if not (where.get("document") and where.get("page")):
        return f"/audit#finding-{finding['finding_id']}"
    line = where.get("source_line")
    query = f"?finding={finding['finding_id']}" + (f"&line={line}#L{line}" if line else "")
    return f"/documents/{quote(str(where['document']))}/pages/{where['page']}{query}"


def marked(text: str, findings: Figures, anchored: set[str], lang: str = "nl") -> Markup:
    """The text as HTML paragraphs, escaped, with every figure in a <mark> (offsets count in `text`)."""
    paragraphs = []
    for match in re.finditer(r"(?:(?!\n\s*\n).)+", text, re.S):  # paragraphs, with their offsets
        paragraph, base = match.group(), match.start()
        parts, cursor = [], 0
        for figure in FIGURE.finditer(paragraph):
            parts.append(str(escape(paragraph[cursor : figure.start()])))
            parts.append(_mark(figure.group(), findings.of(base + figure.start(), figure.group()), anchored, lang))
            cursor = figure.end()
        parts.append(str(escape(paragraph[cursor:])))
        if paragraph.strip():
            paragraphs.append(f"<p>{''.join(parts).strip()}</p>")
    return Markup("\n".join(paragraphs))
