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


class MissingDatabase(DatabaseError):
    """No begroot database where one was expected: a command that only reads (or serves) never makes one."""

    def __init__(self, where: str):
        super().__init__(where, f"no begroot database at {where}; run begroot ingest first")

    def __str__(self) -> str:
        return self.message


class AmbiguousDocument(BegrootError):
    """A reference (a file name) that names several stored documents."""

    def __init__(self, reference: str, ids: list[str]):
        self.ids = ids
        super().__init__(reference, f"names {len(ids)} documents ({', '.join(ids)}); give the id")


class ExitCode:
    """What a begroot command's exit status means; the same for every command (docs/errors.md)."""

    OK = 0  # done (an audit that finds problems is done too: findings are a report, not a failure)
    FAILED = 1  # bad input: a file that is not a readable BBT document, a document or finding not found
    USAGE = 2  # a bad option or argument (an unknown --credit, a negative --top ...), as Click reports it
    DATABASE = 3  # the database: missing, not begroot's, newer than this begroot, locked too long, unreachable
    INTERNAL = 4  # a bug in begroot (BEGROOT_DEBUG=1 prints the traceback): never the input's fault
    FINDINGS = 5  # `audit --fail-on SEVERITY`: a finding of that severity or worse counts (CI gates)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    BROKEN_PIPE = 141  # the reader of standard output went away (128 + SIGPIPE), as `yes | head` ends


DEBUG_HINT = "a bug in begroot, not in the input; BEGROOT_DEBUG=1 prints the traceback"


def internal_error_text(error: BaseException) -> str:
    """One line for an unexpected exception: what it was, and that it is begroot's fault."""
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    return f"internal error: {type(error).__name__}{': ' + first if first else ''} ({DEBUG_HINT})"
