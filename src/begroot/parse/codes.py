"""Budget article codes: `<entity>-<kind><program><middle>-<suffix>`.

Recognised by shape only. A code printed with a typo (a missing dash, a stray
space) is canonicalised and the caller warns.
"""

from __future__ import annotations

import re

from ..model import ArticleCode

# entity: two letters and a digit; kind: 1 (expenditure), 9 (receipt) or a letter
# (entities under authority); program: two letters; middle: four; suffix: two letters.
LOOSE_CODE = re.compile(
    r"(?<![A-Z0-9])(?P<entity>[A-Z]{2}\d)\s?[-–]\s?(?P<kind>[0-9A-Z])(?P<program>[A-Z]{2})"
    r"(?P<middle>[0-9A-Z]{4})\s?(?P<dash>[-–]?)\s?(?P<suffix>[A-Z]{2})(?![A-Za-z0-9])"
)
HEADING = re.compile(rf"^\s?(?P<code>{LOOSE_CODE.pattern})\s*[-–]\s+(?P<name>\S.*?)\s*$")


def code_from_match(match: re.Match[str]) -> ArticleCode:
    return ArticleCode(
        entity=match.group("entity"),
        kind=match.group("kind"),
        program=match.group("program"),
        middle=match.group("middle"),
        suffix=match.group("suffix"),
    )


def find_codes(text: str) -> list[tuple[ArticleCode, str, int]]:
    """Every code in a text (codes broken over a line end are joined first by the caller)."""
    return [(code_from_match(m), m.group(0), m.start()) for m in LOOSE_CODE.finditer(text)]
