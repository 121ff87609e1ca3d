"""The quick commands stay quick: `begroot --help` and `begroot extract` load none of the heavy libraries.

Checked by what a real process has imported (sys.modules), not by timing; the timing is
bench/bench_cli.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UPGRADES = Path(__file__).resolve().parent / "data" / "upgrades"  # databases earlier versions wrote
SAMPLE = next((Path(__file__).resolve().parent.parent / "samples").glob("000_*.txt"))
# pydantic: typer 0.29 and later build a pydantic TypeAdapter for every parameter (60-90 ms of `begroot extract`),
# which is why pyproject.toml keeps typer below 0.29.
HEAVY = ("pandas", "numpy", "sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "openpyxl", "pyarrow",
         "plotly", "jinja2", "frictionless", "psycopg", "pydantic")  # fmt: skip

# Runs the command line as `begroot` does, then reports which of the given packages it imported.
PROBE = """
import json, sys
sys.argv = ["begroot", *json.loads(sys.argv[1])]
from begroot.cli import main
try:
    main()
except SystemExit:
    pass
watched = {watched}
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}} & set(watched))), file=sys.stderr)
"""


def loaded_by(*args: str, watched: tuple[str, ...] = HEAVY) -> tuple[list[str], str]:
    """(which of `watched` were imported, stdout) of `begroot ARGS...` run in a fresh interpreter."""
    probe = PROBE.format(watched=json.dumps(list(watched)))
    done = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(list(args))], capture_output=True, text=True, timeout=120
    )
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


@pytest.mark.parametrize(
    "args",
    [("--help",), ("extract", str(SAMPLE)), ("extract", "--format", "json", str(SAMPLE)), ("audit", str(SAMPLE))],
)
def test_quick_commands_import_nothing_heavy(args: tuple[str, ...]) -> None:
    heavy, stdout = loaded_by(*args)
    hint = "pydantic: is typer 0.29 or later installed? (scripts/setup.sh installs the pinned one)"
    assert heavy == [], hint if "pydantic" in heavy else ""
    assert stdout  # the command did its work (help text, facts, JSON, findings)


@pytest.mark.parametrize("args", [("extract", str(SAMPLE)), ("extract", "--format", "json", str(SAMPLE))])
def test_extract_of_a_clean_document_loads_no_rich(args: tuple[str, ...]) -> None:
    """Rich (~20 ms) loads when something is printed through it: the sample has no warnings to print."""
    loaded, stdout = loaded_by(*args, watched=("rich",))
    assert loaded == []
    assert stdout


def test_the_probe_sees_heavy_imports(tmp_path: Path) -> None:
    """The check can fail: a database command loads SQLAlchemy, and migrating an older database Alembic."""
    older = tmp_path / "older.sqlite"
    shutil.copyfile(UPGRADES / "0001-2a11a07.sqlite", older)
    heavy, _ = loaded_by("ingest", str(SAMPLE), "--db", f"sqlite:///{older}")
    assert {"sqlalchemy", "alembic"} <= set(heavy)


def test_a_new_or_current_database_is_opened_without_alembic(tmp_path: Path) -> None:
    """Alembic is needed only to migrate an older database: a new SQLite database is made from the schema the
    migrations make, written down (store/fresh.py), and a current one's revision is read with one query."""
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    first, _ = loaded_by("ingest", str(SAMPLE), "--db", url, watched=("sqlalchemy", "alembic"))
    again, stdout = loaded_by("documents", "--db", url, watched=("sqlalchemy", "alembic"))
    assert first == ["sqlalchemy"]
    assert again == ["sqlalchemy"]
    assert "facts" in stdout  # the command did its work: the table of documents


def test_head_is_alembic_s_newest_revision() -> None:
    """migrate.HEAD, which spares opening a current database the import of Alembic, names the newest migration."""
    from begroot.store.migrate import HEAD, head_revision

    assert head_revision() == HEAD
