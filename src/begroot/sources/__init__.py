"""Sources: a file (text or PDF, told apart by content) becomes pages of lines.

Every reader after this step sees only `SourceDocument`, so a new input format
is a new module here and nothing else.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError
from ..identity import slug
from ..model import SourceDocument
from ..vocabulary import VOCABULARY, Vocabulary
from .text import read_text

# Far beyond any BBT (the longest are a few MB of text, some tens of MB as PDF).
MAX_BYTES = int(os.environ.get("BEGROOT_MAX_BYTES", str(512 * 1024 * 1024)))


def document_name(path: str | Path) -> str:
    """The document's id, made from its file name without extension (see `identity.slug`)."""
    return slug(Path(path).stem)


def is_pdf(data: bytes) -> bool:
    # The PDF header may follow a few junk bytes (the spec tolerates 1024).
    return b"%PDF-" in data[:1024]


# What a path that is not a regular file is, for the one-line error.
SPECIAL_FILES = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind_of(mode: int) -> str | None:
    """None for a regular file, else what it is (a folder, a device, a pipe ...)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return next((name for test, name in SPECIAL_FILES if test(mode)), "not a regular file")


def load(path: str | Path, vocabulary: Vocabulary = VOCABULARY) -> SourceDocument:
    """Read a document file into pages of lines, raising SourceError with a clear message; `vocabulary` tells
    the running headers and page numbers (as `parse` is given it)."""
    path = Path(path)
    label = str(path)
    data = read_capped(label, path)
    return load_bytes(label, data, vocabulary=vocabulary)


def read_capped(label: str, path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, refusing devices, pipes and sockets before reading from them,
    and files above `limit` bytes (counted while reading: a reported size can be wrong or change).
    """
    limit = MAX_BYTES if limit is None else limit
    try:
        kind = _kind_of(path.stat().st_mode)
    except FileNotFoundError:
        raise SourceError(label, "no such file") from None
    except OSError as error:
        raise SourceError(label, f"cannot read: {error.strerror or error}") from error
    if kind is not None:
        raise SourceError(label, f"is {kind}, not a document file")
    try:
        # O_NONBLOCK: if the path was swapped for a pipe since the check, opening it does not hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise SourceError(label, f"cannot read: {error.strerror or error}") from error
    with os.fdopen(descriptor, "rb") as stream:
        kind = _kind_of(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise SourceError(label, f"is {kind}, not a document file")
        data = _read_up_to(label, stream, limit)
    return data


READ_CHUNK = 1024 * 1024


def _read_up_to(label: str, stream: BinaryIO, limit: int) -> bytes:
    """Read in chunks, stopping as soon as more than `limit` bytes came: a single read(limit)
    would reserve the whole limit up front, whatever the file's size."""
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(READ_CHUNK)
        except BlockingIOError:
            raise SourceError(label, "is not a regular file (reading it would block)") from None
        except OSError as error:
            raise SourceError(label, f"cannot read: {error.strerror or error}") from error
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise SourceError(
                label, f"file too large (more than {_size(limit)}, the limit; BEGROOT_MAX_BYTES changes it)"
            )
        chunks.append(chunk)


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def load_bytes(label: str, data: bytes, name: str | None = None, vocabulary: Vocabulary = VOCABULARY) -> SourceDocument:
    name = name or document_name(label)
    if not data.strip():
        raise SourceError(label, "the file is empty")
    if is_pdf(data):
        from .pdf import read_pdf

        return read_pdf(label, name, data, hashlib.sha256(data).hexdigest(), vocabulary)
    return read_text(label, name, data, vocabulary)  # hashed from its text: encoding and line endings aside


__all__ = ["document_name", "is_pdf", "load", "load_bytes", "read_capped"]
