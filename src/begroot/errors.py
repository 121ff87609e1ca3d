"""Errors begroot reports to its users: one line, naming the file and the place."""

from __future__ import annotations


class BegrootError(Exception):
    """A problem the user can act on; the CLI prints it as one line, no traceback."""

    def __init__(self, path: str, message: str, *, page: int | None = None, line: int | None = None):
        self.path = path
        self.message = message
        self.page = page
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.page is not None:
            where += f", page {self.page}"
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {self.message}"


class SourceError(BegrootError):
    """The file cannot be read as a document (empty, binary, broken PDF...)."""


class NotABudgetDocument(BegrootError):
    """The file reads, but it is not a BBT report nor a BBT slide deck."""


class DatabaseError(BegrootError):
    """The database cannot be opened or used: not a database, a newer schema, unreachable."""


class AmbiguousDocument(BegrootError):
    """A reference (a file name) that names several stored documents."""

    def __init__(self, reference: str, ids: list[str]):
        self.ids = ids
        super().__init__(reference, f"names {len(ids)} documents ({', '.join(ids)}); give the id")
