"""The `begroot` command line. Each command group lives in its own module and registers itself here."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import BegrootError, DatabaseError, ExitCode, internal_error_text


class OneLineErrors(TyperGroup):
    """Every command's failures as one line on stderr and a non-zero exit, never a traceback.

    Commands report what they can say best themselves; this catches the rest: a BegrootError
    (bad input, database problems), an OSError (a path that cannot be written), Ctrl-C, a reader
    of standard output that went away, and as a last resort anything unexpected: an internal
    error (BEGROOT_DEBUG=1 prints its traceback). Exit codes: `errors.ExitCode`.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # exit codes and usage errors, which Typer reports itself
        except DatabaseError as error:
            _one_line(str(error))
            raise typer.Exit(ExitCode.DATABASE) from None
        except BegrootError as error:
            _one_line(str(error))
            raise typer.Exit(ExitCode.FAILED) from None
        except BrokenPipeError:
            quiet_broken_pipe()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except OSError as error:
            _one_line(os_error_text(error))
            raise typer.Exit(ExitCode.FAILED) from None
        except KeyboardInterrupt:
            _one_line("interrupted")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except Exception as error:
            if os.environ.get("BEGROOT_DEBUG"):
                traceback.print_exc()
            _one_line(internal_error_text(error))
            raise typer.Exit(ExitCode.INTERNAL) from None


def quiet_broken_pipe() -> None:
    """Standard output's reader went away (`begroot ... | head`): end without a word, as Unix tools do.
    What is still buffered for it would fail again when Python flushes it at exit: point it at nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _one_line(message: str) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def os_error_text(error: OSError) -> str:
    """'<path>: <reason>' from an OSError (FileNotFoundError, IsADirectoryError, PermissionError ...)."""
    reason = error.strerror or first_line(error)
    return f"{error.filename}: {reason}" if error.filename else reason


app = typer.Typer(
    name="begroot",
    help="Read Flemish budget documents (BBT): extract, audit, store, serve and export their figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=OneLineErrors,
)


@app.callback()
def root() -> None:
    """begroot: Flemish budget documents (BBT), made queryable."""


from . import extract as _extract  # noqa: E402,F401  (registers its commands on `app`)


def main() -> None:
    app()


from . import audit as _audit  # noqa: E402,F401
from . import export as _export  # noqa: E402,F401
from . import lineage as _lineage  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import show as _show  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401
from . import tables as _tables  # noqa: E402,F401
