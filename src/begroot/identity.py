"""How a document is named: a stable id for URLs and commands, and a title for readers.

The id comes from the file name, made safe for a URL path, a query string and a shell
(`BBT BU 2023 Werk é (kopie).txt` -> `BBT-BU-2023-Werk-e-kopie`). When two different files
give the same id, the one stored second gets a short content hash appended (`dup-1a2b3c4d`),
so both stay reachable. The title is composed from what detection read in the document
(`BBT Werk en Sociale Economie – begrotingsuitvoering 2023`), never from the file name,
since file names tell a reader little (`000_1a2b3c4d5e6f7a8b`).
"""

from __future__ import annotations

import re
import unicodedata

# What an id may hold: letters, digits, '_', '.', '-'; never starting with a symbol, so that
# an id is never read as an option (`-x`), a hidden file (`.x`) or a spreadsheet formula.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"
MAX_ID = 80
HASH_CHARS = 8
FALLBACK_ID = "document"

STAGE_WORDS = {
    "BO": "begrotingsopmaak",
    "BA": "begrotingsaanpassing",
    "BA-JR": "begrotingsaanpassing",
    "BU": "begrotingsuitvoering",
}


def slug(stem: str) -> str:
    """The id made from a file name (without extension): accents dropped, other symbols as '-'."""
    folded = unicodedata.normalize("NFKD", stem)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_only)
    safe = re.sub(r"-{2,}", "-", safe).strip("-._")[:MAX_ID].strip("-._")
    return safe or FALLBACK_ID


def with_hash(document_id: str, sha256: str, length: int = HASH_CHARS) -> str:
    """The id of a second, different document whose file name gives the same id."""
    return f"{document_id[: MAX_ID - length - 1]}-{sha256[:length]}"


def compose_title(kind: str, stage: str, year: int, domain: str) -> str:
    """A title as people write it: 'BBT <domain> – <stage> <year>', 'Presentatie BBT <year> <domain>'."""
    stage_word = STAGE_WORDS.get(stage, stage)
    year_text = str(year) if year else ""
    if kind == "slides":
        # A BO deck presents "the BBT of year N"; other stages are named.
        when = year_text if stage == "BO" else f"{stage_word} {year_text}"
        return _joined("Presentatie BBT", when, domain)
    if domain:
        return _joined(f"BBT {domain} –", stage_word, year_text)
    return _joined("BBT", stage_word, year_text)


def _joined(*parts: str) -> str:
    return " ".join(part.strip() for part in parts if part and part.strip())
