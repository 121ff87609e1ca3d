"""The `begroot` command line. Each command group lives in its own module and registers itself here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="begroot",
    help="Read Flemish budget documents (BBT): extract, audit, store, serve and export their figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """begroot: Flemish budget documents (BBT), made queryable."""


from . import extract as _extract  # noqa: E402,F401  (registers its commands on `app`)


def main() -> None:
    app()


from . import audit as _audit  # noqa: E402,F401
from . import export as _export  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401
from . import tables as _tables  # noqa: E402,F401
