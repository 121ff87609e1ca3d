"""The mistakes people make on the command line each get one line on stderr and a non-zero exit:
output paths, databases that are not begroot's (or are newer), devices and pipes, a bad file in a batch.

The commands run in this process (tests/cli.py); what needs a real process runs as one: `serve` (it would
serve forever should it not refuse), devices and named pipes (reading one could block), an environment read
at import (BEGROOT_MAX_BYTES), and one smoke test of each exit code as the shell sees it.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from begroot.errors import SourceError
from begroot.sources import read_capped
from begroot.store import Store
from cli import Ran, run, run_process
from webdb import ingest_into

ROOT = Path(__file__).resolve().parent.parent
SLIDES = next((ROOT / "samples").glob("003_*.txt"))


def one_line_error(result: Ran | subprocess.CompletedProcess[str], *expected: str) -> str:
    """The run failed with exactly one line on stderr, an `error:` naming what is expected."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingest_into(f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.sqlite'}")


# --------------------------------------------------------------------------- output paths


def test_extract_creates_a_missing_output_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "out.csv"
    result = run("extract", str(SLIDES), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("document,scope,subject")


def test_extract_onto_a_folder_is_one_line(tmp_path: Path) -> None:
    one_line_error(run("extract", str(SLIDES), "-o", str(tmp_path)), str(tmp_path), "is a folder")


def test_extract_writes_nothing_when_nothing_could_be_read(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("kept\n")
    bad = tmp_path / "bad.txt"
    bad.write_text("no budget here\n")
    one_line_error(run("extract", str(bad), "-o", str(target)), "bad.txt")
    assert target.read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.csv"]  # no temporary file left


def test_report_output_onto_a_folder_is_one_line(database: str, tmp_path: Path) -> None:
    one_line_error(run("report", "--db", database, "--output", str(tmp_path)), "is a folder")


def test_export_onto_an_existing_file_is_one_line(database: str, tmp_path: Path) -> None:
    existing = tmp_path / "facts.csv"
    existing.write_text("mine\n")
    for format in ("csv", "parquet", "datapackage"):
        one_line_error(run("export", "--db", database, "--format", format, "--output", str(existing)), "is a file")
    assert existing.read_text() == "mine\n"
    one_line_error(run("export", "--db", database, "--format", "xlsx", "--output", str(tmp_path)), "is a folder")


def test_export_to_a_folder_leaves_no_temporary_files(database: str, tmp_path: Path) -> None:
    result = run("export", "--db", database, "--format", "csv", "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (tmp_path / "out" / "facts.csv").is_file()


# --------------------------------------------------------------------------- databases


def test_a_newer_schema_is_one_line_for_every_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite'}"
    Store(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()
    message = "database schema is newer than this begroot; upgrade begroot"
    for args in (("documents",), ("ingest", str(SLIDES)), ("serve",), ("export",), ("audit",)):
        one_line_error((run_process if args == ("serve",) else run)(*args, "--db", url), message)


def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_text("these are my notes, not a database\n" * 200)
    url = f"sqlite:///{junk}"
    for args in (("documents",), ("serve",), ("ingest", str(SLIDES)), ("report",)):
        one_line_error((run_process if args == ("serve",) else run)(*args, "--db", url), "not a database")
    assert junk.read_text().startswith("these are my notes")


def test_a_database_that_cannot_be_used_stops_the_workers_already_reading(tmp_path: Path) -> None:
    """The workers start on the files before the database is opened: when it then cannot be, the ingest still
    ends with one line, as a process (the workers stopped), and leaves the file as it was."""
    junk = tmp_path / "notes.sqlite"
    junk.write_text("these are my notes, not a database\n" * 200)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(12):  # more than the workers take at once
        (folder / f"{number:02d}-{SLIDES.name}").write_bytes(SLIDES.read_bytes())
    result = run_process("ingest", str(folder), "--jobs", "2", "--db", f"sqlite:///{junk}")
    one_line_error(result, "not a database")
    assert junk.read_text().startswith("these are my notes")
    bad = run_process("ingest", str(folder), "--jobs", "2", "--db", "nonsense://nowhere")
    one_line_error(bad, "cannot open the database")


def test_serve_refuses_a_missing_database_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.sqlite"
    one_line_error(run_process("serve", "--db", f"sqlite:///{missing}"), str(missing), "begroot ingest")
    assert not missing.exists()


def test_a_bad_database_url_is_one_line() -> None:
    one_line_error(run("documents", "--db", "nosuchdriver://x/y"), "cannot open the database")


# --------------------------------------------------------------------------- special files


def test_devices_pipes_and_sockets_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_line_error(run_process("extract", "/dev/zero", timeout=30), "/dev/zero", "character device")
    one_line_error(run_process("extract", str(fifo), timeout=30), "named pipe")  # would block forever if opened
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.txt"))
        one_line_error(run_process("extract", str(tmp_path / "s.txt"), timeout=30), "socket")
    finally:
        server.close()


def test_the_size_cap_counts_what_is_read_not_what_is_reported(tmp_path: Path) -> None:
    # /proc files report a size of 0 and hold more: only counting while reading catches them.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(SourceError, match="file too large"):
        read_capped(str(status), status, limit=10)
    big = tmp_path / "big.txt"
    big.write_bytes(SLIDES.read_bytes())
    one_line_error(run_process("extract", str(big), env={"BEGROOT_MAX_BYTES": "1000"}), "big.txt", "file too large")


@pytest.mark.parametrize("command", ["extract", "ingest", "audit", "summary"])
def test_a_batch_goes_on_after_a_bad_file(command: str, tmp_path: Path) -> None:
    """A dangling link and a pipe named next to a good file: both reported, the good one done, exit 1."""
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    extra = ["--db", f"sqlite:///{tmp_path / 'b.sqlite'}"] if command == "ingest" else []
    result = run_process(command, str(dangling), str(fifo), str(SLIDES), *extra, timeout=120)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "gone.txt" in errors[0] and "pipe.txt" in errors[1], result.stderr
    assert "Traceback" not in result.stderr
    done = {
        "ingest": ("1 added", result.stderr),
        "audit": ("bevinding", result.stdout),
        "extract": ("003_99a07576850413ae,program,JA", result.stdout),
        "summary": ("Presentatie BBT", result.stdout),
    }
    expected, output = done[command]
    assert expected in output  # the good file was done


def test_a_database_driver_that_is_not_installed_is_one_line() -> None:
    one_line_error(run("documents", "--db", "mssql+pymssql://u:p@localhost/db"), "cannot open the database")
