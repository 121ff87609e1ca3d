"""`begroot lineage [add OLD NEW]`: the links between old and new codes (articles, programs) across years.

Links the documents state (`vroeger`, `voorheen`, `(ex ...)` naming the former code) are found by the store;
a user adds the others here. Listed, and shown on the timelines of the dashboard (read-only there).
"""

from __future__ import annotations

import re

import typer

from ..errors import ExitCode
from . import app
from .common import fail, out

lineage_app = typer.Typer(help="Links between old and new codes across years (list; add).", invoke_without_command=True)
app.add_typer(lineage_app, name="lineage")
DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $BEGROOT_DB).")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,40}$")  # an article code or a program code


@lineage_app.callback()
def lineage_list(ctx: typer.Context, db: str | None = DB_OPTION) -> None:
    """List every link: those the documents state and those added with `begroot lineage add`."""
    if ctx.invoked_subcommand is not None:
        return
    from ..store import Store
    from ..store.lineage import links

    with Store(db) as store, store.engine.connect() as connection:
        found = links(connection)
    if not found:
        out().print("no links: add one with `begroot lineage add OLD NEW`", markup=False)
        return
    for link in found:
        year = f" from {link['from_year']}" if link.get("from_year") else ""
        where = f"{link['document']} p. {link['page']}" if link["source"] == "document" else "user"
        note = f": {link['note']}" if link.get("note") else ""
        out().print(f"{link['old_code']} -> {link['new_code']}{year} ({where}){note}", markup=False, soft_wrap=True)


@lineage_app.command("add")
def lineage_add(
    old: str = typer.Argument(..., help="The former code (article or program)."),
    new: str = typer.Argument(..., help="The code that continues it."),
    from_year: int | None = typer.Option(None, "--from-year", min=1990, max=2100, help="First year of the new code."),
    note: str = typer.Option("", "--note", help="Why: what says so."),
    db: str | None = DB_OPTION,
) -> None:
    """Link NEW to OLD: their timelines are shown as one, the join marked."""
    for code in (old, new):
        if not CODE.match(code):
            fail(
                f"{code!r} is not a code (an article code: entity-article-ESR suffix, or a program code of two letters)",
                ExitCode.USAGE,
            )
    if old == new:
        fail("OLD and NEW are the same code", ExitCode.USAGE)
    from ..store import Store
    from ..store.lineage import add_link

    with Store(db) as store:
        row = add_link(store.engine, old, new, from_year, note)
    out().print(f"linked {old} -> {new}" + (f" from {from_year}" if from_year else "") + f" (#{row['id']})",
                markup=False)  # fmt: skip
