"""Each file of a batch succeeds or fails alone; only begroot's own errors about the input are "bad file",
anything else is an internal error with its own exit code; a truncated document never meets a bug.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cli
from begroot.audit import audit_document
from begroot.errors import BegrootError, ExitCode
from begroot.parse import parse
from begroot.parse.debug import trace_tables
from begroot.sources import load_bytes
from begroot.testing import random_budget, random_style, render_text
from test_cli_errors import SLIDES

ROOT = Path(__file__).resolve().parent.parent

# A bug planted for files whose name holds "bug": the reader raises what a real parser bug raises.
# Everything else runs as shipped; forked ingest workers inherit the plant.
PLANT = """
import sys
import begroot.audit, begroot.parse, begroot.sources
from begroot.cli import main

def planted(real):
    def reader(path, *args, **kwargs):
        if str(path).endswith("bug.txt"):
            [][1]  # IndexError, as a parser bug would raise
        return real(path, *args, **kwargs)
    return reader

begroot.parse.extract = planted(begroot.parse.extract)
begroot.audit.load_and_parse = planted(begroot.audit.load_and_parse)
begroot.sources.load_bytes = planted(begroot.sources.load_bytes)  # ingest reads the bytes once, then parses them
sys.argv = ["begroot", *sys.argv[1:]]
main()
"""


def planted_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PLANT, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """A file that meets a (planted) bug, a file that is not a budget document, and a good one, in that order."""
    bug = tmp_path / "bug.txt"
    bug.write_bytes(SLIDES.read_bytes())
    bad = tmp_path / "notes.txt"
    bad.write_text("no budget here\n")
    return [str(bug), str(bad), str(SLIDES)]


@pytest.mark.parametrize("command", ["extract", "ingest", "audit", "summary"])
def test_a_bug_is_an_internal_error_and_the_batch_goes_on(command: str, batch: list[str], tmp_path: Path) -> None:
    extra = ["--db", f"sqlite:///{tmp_path / 'b.sqlite'}", "--jobs", "2"] if command == "ingest" else []
    result = planted_cli(command, *batch, *extra)
    assert result.returncode == ExitCode.INTERNAL, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.stderr
    internal = [line for line in errors if "bug.txt" in line]
    bad_file = [line for line in errors if "notes.txt" in line]
    assert internal and "internal error: IndexError" in internal[0] and "BEGROOT_DEBUG=1" in internal[0]
    assert bad_file and "internal error" not in bad_file[0]
    assert "Traceback" not in result.stderr
    if command == "ingest":
        assert "1 added, 0 already present, 2 failed" in result.stderr
    else:
        assert "2 of 3 files failed, 1 of them by an internal error" in result.stderr
        assert "Presentatie" in result.stdout or "003_" in result.stdout or "finding(s)" in result.stdout


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_begroot_debug_prints_the_traceback(command: str, batch: list[str], tmp_path: Path) -> None:
    extra = ["--db", f"sqlite:///{tmp_path / 'b.sqlite'}"] if command == "ingest" else []
    result = planted_cli(command, batch[0], *extra, env={"BEGROOT_DEBUG": "1"})
    assert result.returncode == ExitCode.INTERNAL
    assert "Traceback" in result.stderr and "IndexError" in result.stderr


def test_only_bad_input_gives_exit_one(batch: list[str]) -> None:
    result = planted_cli("extract", batch[1], batch[2])
    assert result.returncode == ExitCode.FAILED
    assert "1 of 2 files failed" in result.stderr and "internal" not in result.stderr


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    result = planted_cli("extract", str(tmp_path))
    assert result.returncode == ExitCode.FAILED
    assert f"{tmp_path}: no .txt or .pdf files in this folder" in result.stderr
    assert "no documents to read" in result.stderr


# --------------------------------------------------------------------------- truncated documents


@cache
def documents() -> tuple[bytes, ...]:
    """Generated reports of each stage and a slide deck, and the two samples, as the bytes a file holds."""
    texts = []
    for seed, (kind, stage) in enumerate([("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")]):
        budget = random_budget(seed + 70)
        texts.append(render_text(budget, kind, stage, budget.years[1], random_style(random.Random(seed))).text)
    return tuple(text.encode("utf-8") for text in texts) + tuple(path.read_bytes() for path in sorted((ROOT / "samples").glob("*.txt")))  # fmt: skip


def read_everything(data: bytes) -> None:
    """What extract, summary, tables and audit do with a file: any failure is one BegrootError line."""
    try:
        source = load_bytes("cut.txt", data)
        document = parse(source)
        audit_document(document, source)
        trace_tables(source, document)
    except BegrootError as error:
        assert "\n" not in str(error) and str(error).startswith("cut.txt"), str(error)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(min_value=0, max_value=5), share=st.floats(min_value=0.0, max_value=1.0))
def test_documents_cut_anywhere_never_meet_a_bug(which: int, share: float) -> None:
    """Cut at any byte: mid-table, mid-line, mid-character."""
    data = documents()[which % len(documents())]
    read_everything(data[: int(len(data) * share)])


def test_a_document_cut_mid_table_reads_what_it_holds(tmp_path: Path) -> None:
    """The report sample cut inside a table: extract reads the tables before the cut (exit 0), and summary,
    tables, audit and diff read it too, never with an internal error."""
    report = sorted((ROOT / "samples").glob("000_*.txt"))[0].read_text(encoding="utf-8").split("\n")
    unit = next(i for i, line in enumerate(report) if i > len(report) // 2 and re.search(r"duizend euro", line, re.I))
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(report[: unit + 4]), encoding="utf-8")
    for args in (["extract"], ["summary"], ["tables"], ["audit"], ["diff", str(SLIDES)]):
        result = cli.run(*args, str(cut))  # in this process: an exception escaping the command is raised here
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if args == ["extract"]:
            assert len(result.stdout.splitlines()) > 100  # the facts of the tables before the cut


REPORT = next((ROOT / "samples").glob("000_*.txt"))


# Each writes more than a pipe holds (64 KB): the report's fact table is 43 KB, so it is read three times.
@pytest.mark.parametrize("command", [["extract", *[str(REPORT)] * 3], ["audit", str(REPORT), "-f", "json"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(command: list[str]) -> None:
    """`begroot extract F | head -1`: no 'Broken pipe' error, the exit of a Unix tool killed by SIGPIPE.
    (With less than a pipe holds, the command could finish before the reader goes: a race, not a test.)"""
    process = subprocess.Popen([sys.executable, "-m", "begroot", *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # more is written than a pipe holds (64 KB): the writer meets the closed end
    process.stdout.close()  # as `head -1` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == ExitCode.BROKEN_PIPE, stderr
    assert stderr == ""
