"""The docs say what the code does: commands, files and columns named in them exist (as Datasette checks its docs)."""

from __future__ import annotations

import re
from pathlib import Path

from begroot.cli import app
from begroot.model import FACT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = {command.name or (command.callback.__name__ if command.callback else "") for command in
            app.registered_commands}  # fmt: skip


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in COMMANDS if not re.search(rf"begroot {name}\b", README)]
    assert not missing, f"commands the README does not show: {missing}"


def test_every_command_the_readme_shows_exists() -> None:
    shown = set(re.findall(r"\.venv/bin/begroot ([a-z][a-z-]*)", README))
    assert shown and shown <= COMMANDS, f"README shows unknown commands: {shown - COMMANDS}"


def test_files_named_in_the_architecture_page_exist() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+\.py)`", page))
    missing = [name for name in named if not any((ROOT / "src" / "begroot").rglob(Path(name).name))]
    assert named and not missing, f"architecture.md names files that do not exist: {missing}"


def test_fact_table_doc_lists_the_columns_in_order() -> None:
    page = (ROOT / "docs" / "fact-table.md").read_text(encoding="utf-8")
    assert f"`{','.join(FACT_COLUMNS)}`" in page
    documented = re.findall(r"^\| ([a-z_]+) \|", page, re.MULTILINE)
    assert [c for c in documented if c != "column"] == list(FACT_COLUMNS)


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\((docs/[^)#]+)\)", README):
        assert (ROOT / link).exists(), link


def test_the_exit_code_table_is_the_code() -> None:
    from begroot.errors import ExitCode

    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    documented = {name: int(code) for code, name in re.findall(r"^\| (\d+) \| ([A-Z_]+) \|", page, re.MULTILINE)}
    actual = {name: value for name, value in vars(ExitCode).items() if name.isupper()}
    assert documented == actual
    readme = {int(code) for code in re.findall(r"^\| (\d+) \| ", README, re.MULTILINE)}
    assert set(actual.values()) <= readme
