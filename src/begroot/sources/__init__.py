"""Sources: a file (text or PDF, told apart by content) becomes pages of lines.

Every reader after this step sees only `SourceDocument`, so a new input format
is a new module here and nothing else.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import SourceError
from ..model import SourceDocument
from .text import read_text

# Far beyond any BBT (the longest are a few MB of text, some tens of MB as PDF).
MAX_BYTES = int(os.environ.get("BEGROOT_MAX_BYTES", str(512 * 1024 * 1024)))


def document_name(path: str | Path) -> str:
    """The document's id: its file name without extension."""
    return Path(path).stem


def is_pdf(data: bytes) -> bool:
    # The PDF header may follow a few junk bytes (the spec tolerates 1024).
    return b"%PDF-" in data[:1024]


def load(path: str | Path) -> SourceDocument:
    """Read a document file into pages of lines, raising SourceError with a clear message."""
    path = Path(path)
    label = str(path)
    if not path.exists():
        raise SourceError(label, "no such file")
    if path.is_dir():
        raise SourceError(label, "is a folder, not a document")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(
            label, f"file too large ({size // (1024 * 1024)} MiB > {MAX_BYTES // (1024 * 1024)} MiB limit)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(label, f"cannot read: {error.strerror or error}") from error
    return load_bytes(label, data)


def load_bytes(label: str, data: bytes, name: str | None = None) -> SourceDocument:
    name = name or document_name(label)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise SourceError(label, "the file is empty")
    if is_pdf(data):
        from .pdf import read_pdf

        return read_pdf(label, name, data, sha256)
    return read_text(label, name, data, sha256)


__all__ = ["document_name", "is_pdf", "load", "load_bytes"]
