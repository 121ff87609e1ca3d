"""Figures in article prose, marked and linked to the audit findings that checked them."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

# '292.136 keuro', '1.493 keuro', '82%', '100,3 %': the figures the prose audit reads.
FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?\s?(?:keuro|%)")
PROSE_RULES = {"prose-check", "prose-mismatch"}


def in_article(finding: dict[str, Any], article: dict[str, Any]) -> bool:
    """A prose finding about this article whose first location (the sentence) lies within its lines."""
    where = (finding.get("locations") or [{}])[0]
    return (
        finding["rule"] in PROSE_RULES
        and where.get("document") == article["document"]
        and article["line"] <= int(where.get("source_line") or 0) <= (article["end_line"] or article["line"])
    )


def by_figure(findings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Figure as printed without spaces ('292.136keuro') -> its findings, mismatches first."""
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in sorted(findings, key=lambda f: f["rule"] != "prose-mismatch"):
        figure = re.sub(r"\s", "", str((finding.get("context") or {}).get("figure", "")))
        found.setdefault(figure, []).append(finding)
    return found


def _mark(figure: str, findings: list[dict[str, Any]], anchored: set[int]) -> str:
    if not findings:
        return f'<mark class="fig unchecked">{escape(figure)}</mark>'
    finding = findings[0]
    status = "bad" if finding["rule"] == "prose-mismatch" else "ok" if finding.get("verified") else "unchecked"
    # The first mark of a finding carries its anchor, so /audit can link straight to it.
    anchor = "" if finding["id"] in anchored else f' id="finding-{finding["id"]}"'
    anchored.add(finding["id"])
    title = escape(finding["message"])
    return (
        f'<a class="figlink" href="/audit#finding-{finding["id"]}"{anchor} title="{title}">'
        f'<mark class="fig {status}">{escape(figure)}</mark></a>'
    )


def marked(text: str, findings: dict[str, list[dict[str, Any]]], anchored: set[int]) -> Markup:
    """The text as HTML paragraphs, escaped, with every figure in a <mark>."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        parts, cursor = [], 0
        for match in FIGURE.finditer(paragraph):
            parts.append(str(escape(paragraph[cursor : match.start()])))
            parts.append(_mark(match.group(), findings.get(re.sub(r"\s", "", match.group()), []), anchored))
            cursor = match.end()
        parts.append(str(escape(paragraph[cursor:])))
        if paragraph:
            paragraphs.append(f"<p>{''.join(parts)}</p>")
    return Markup("\n".join(paragraphs))
