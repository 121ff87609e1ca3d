"""The docs say what the code does: commands, files and columns named in them exist (as Datasette checks its docs)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from begroot.cli import app
from begroot.model import FACT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = {command.name or (command.callback.__name__ if command.callback else "") for command in
            app.registered_commands} | {group.name for group in app.registered_groups if group.name}  # fmt: skip


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in COMMANDS if not re.search(rf"begroot {name}\b", README)]
    assert not missing, f"commands the README does not show: {missing}"


def test_every_command_the_readme_shows_exists() -> None:
    shown = set(re.findall(r"\.venv/bin/begroot ([a-z][a-z-]*)", README))
    assert shown and shown <= COMMANDS, f"README shows unknown commands: {shown - COMMANDS}"


def test_files_named_in_the_architecture_page_exist() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+\.py)`", page))
    package = ROOT / "src" / "begroot"
    # a path with a folder must be exactly there; a bare name (`model.py`) somewhere in the package
    missing = [name for name in named if not ((package / name).is_file() if "/" in name else any(package.rglob(name)))]
    assert named and not missing, f"architecture.md names files that do not exist: {missing}"


def test_fact_table_doc_lists_the_columns_in_order() -> None:
    page = (ROOT / "docs" / "fact-table.md").read_text(encoding="utf-8")
    assert f"`{','.join(FACT_COLUMNS)}`" in page
    documented = re.findall(r"^\| ([a-z_]+) \|", page, re.MULTILINE)
    assert [c for c in documented if c != "column"] == list(FACT_COLUMNS)


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\((docs/[^)#]+)\)", README):
        assert (ROOT / link).exists(), link


# --------------------------------------------------------------------------- options against --help
# Every `begroot COMMAND ... --option` the README and docs/ show is compared with the options the
# command really has (click's own list, the one `--help` prints).

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLE_WORDS = {"FILE", "ingest", "first", "makes", "creates"}  # prose such as "(`begroot ingest` first)"


def click_commands() -> dict[str, Any]:
    """Every command and sub-command by its full name (`lineage add`), as click sees them."""
    import typer  # typer carries its own click: groups are known by their `commands`

    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        for name, command in group.commands.items():
            full = f"{prefix}{name}"
            found[full] = command
            if hasattr(command, "commands"):
                walk(command, full + " ")

    walk(typer.main.get_command(app), "")
    return found


def shown_invocations() -> list[tuple[str, str, str]]:
    """(doc, command, the rest of the line) for every `begroot COMMAND` shown in a doc, in code."""
    names = click_commands()
    shown = []
    for doc in DOCS:
        for line in doc.read_text(encoding="utf-8").splitlines():
            for match in re.finditer(r"(?:^|[\s`/$])begroot ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)?)([^`]*)", line):
                words, rest = match.group(1), match.group(2)
                command = words if words in names else words.split(" ")[0]
                if command in names:
                    rest = (words[len(command) :] + rest) if command != words else rest
                    shown.append((doc.name, command, rest))
    return shown


def test_every_option_the_docs_show_exists() -> None:
    names = click_commands()
    wrong = []
    invocations = shown_invocations()
    for doc, command, rest in invocations:
        known = {"--help"} | {opt for param in names[command].params for opt in (*param.opts, *param.secondary_opts)}
        for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest.split(" #")[0]):
            if option not in known:
                wrong.append(f"{doc}: begroot {command} {option}")
    assert len(invocations) > 30, "the docs show begroot commands"
    assert not wrong, f"options the docs show that the command does not have: {wrong}"


def test_every_command_the_docs_show_exists() -> None:
    names = click_commands()
    unknown = set()
    for doc in DOCS:
        for word in re.findall(r"`begroot ([a-z][a-z-]*)", doc.read_text(encoding="utf-8")):
            if word not in names and word not in EXAMPLE_WORDS:
                unknown.add(f"{doc.name}: {word}")
    assert not unknown, f"docs name commands that do not exist: {sorted(unknown)}"


# --------------------------------------------------------------------------- the README runs
# The README's shell and Python examples are run, in order, in a temporary folder holding the samples
# and a database of its own. A line written as a synopsis (placeholders, [optional] parts) is not run;
# a file an example only names (`bbt.pdf`, `archive/`) is stood in for by a sample: begroot chooses the
# reader by content, not by extension. Examples that cannot succeed here are listed with the reason,
# and must still fail cleanly (one line, no usage error).

PLACEHOLDERS = {"FILE", "FILE...", "DOCUMENT", "URL", "NAME", "PATH", "N", "L", "OLD", "NEW", "Y", "ID", "TEXT"}
CANNOT_SUCCEED = {
    "review F3a9c12d4e5f6": "an example finding id",
}
SAMPLE_REPORT = "000_487494d7f3174438.txt"


def readme_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def runnable(line: str) -> bool:
    words = set(line.split("#")[0].split())
    set_up = line.startswith("bash scripts/")  # the Quick start: CI runs it itself
    return bool(line.strip()) and not set_up and "[" not in line and not words & PLACEHOLDERS and " serve" not in line


def readme_folder(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "readme"
    shutil.copytree(ROOT / "samples", folder / "samples")
    shutil.copytree(ROOT / "samples", folder / "archive")
    for name in ("bbt.pdf", "bbt-bu-2023-werk.pdf"):
        shutil.copy(ROOT / "samples" / SAMPLE_REPORT, folder / name)
    return folder


def run_line(line: str, folder: Path, env: dict[str, str]) -> tuple[int, str]:
    """A README line: begroot in-process (a CLI start per line made this test take half a minute),
    anything else in bash. Returns the exit code and stderr."""
    import glob
    import shlex
    import subprocess
    import sys

    from typer.testing import CliRunner

    words = shlex.split(line, comments=True)
    if words and words[0] == ".venv/bin/begroot":
        target = words[words.index(">") + 1] if ">" in words else None
        words = words[1 : words.index(">")] if target else words[1:]
        arguments = [match for word in words for match in (sorted(glob.glob(word, root_dir=folder)) or [word])]
        result = CliRunner().invoke(app, arguments, env=env)
        if target:
            (folder / target).write_text(result.stdout, encoding="utf-8")
        return result.exit_code, result.stderr
    command = line.replace(".venv/bin/", str(Path(sys.executable).parent) + "/")
    done = subprocess.run(["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stderr


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import subprocess
    import sys

    folder = readme_folder(tmp_path)
    monkeypatch.chdir(folder)
    env = {**os.environ, "BEGROOT_DB": f"sqlite:///{tmp_path / 'readme.sqlite'}"}
    ran = 0
    for line in (line for block in readme_blocks("bash") for line in block.splitlines() if runnable(line)):
        code, stderr = run_line(line, folder, env)
        reason = next((why for start, why in CANNOT_SUCCEED.items() if start in line), None)
        if reason is None:
            assert code == 0, f"README line failed: {line}\n{stderr[-2000:]}"
        elif "begroot" in line:
            assert code != 0 and len(stderr.strip().splitlines()) == 1, (line, stderr)
            assert "Usage:" not in stderr and "Traceback" not in stderr, (line, stderr)
        ran += 1
    assert ran >= 15, f"only {ran} README lines ran"
    for block in readme_blocks("python"):
        done = subprocess.run([sys.executable, "-c", block], cwd=folder, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"README Python block failed:\n{block}\n{done.stderr[-2000:]}"


def test_the_exit_code_table_is_the_code() -> None:
    from begroot.errors import ExitCode

    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    documented = {name: int(code) for code, name in re.findall(r"^\| (\d+) \| ([A-Z_]+) \|", page, re.MULTILINE)}
    actual = {name: value for name, value in vars(ExitCode).items() if name.isupper()}
    assert documented == actual
    readme = {int(code) for code in re.findall(r"^\| (\d+) \| ", README, re.MULTILINE)}
    assert set(actual.values()) <= readme
