"""Outputs never destroy what they should not touch: a regular file is replaced atomically, anything else
(a character device, a FIFO, /dev/stdout, `-`) is written through, a symbolic link's target is written and
the link kept, and an output that is one of the inputs is refused before anything is read.

Run as root (as CI and containers do), where nothing but begroot itself stops a device from being replaced.
The device is a private one made in a temporary folder (1,3: what /dev/null is), never the machine's.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cli import run_process as cli
from needs import missing
from test_cli_errors import SLIDES, one_line_error
from webdb import ingest_into

# Each command that writes a file, with what it writes there: (arguments before -o, text the output holds).
WRITERS = {
    "extract": (["extract", str(SLIDES)], "document,scope,subject"),
    "report": (["report"], "#"),
    "xlsx": (["export", "--format", "xlsx"], ""),  # a zip: checked by its first bytes
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingest_into(f"sqlite:///{tmp_path_factory.mktemp('outputs') / 'out.sqlite'}")


def _args(writer: str, database: str) -> list[str]:
    args, _ = WRITERS[writer]
    return args if writer == "extract" else [*args, "--db", database]


def _looks_written(writer: str, data: bytes) -> bool:
    return data.startswith(b"PK") if writer == "xlsx" else WRITERS[writer][1].encode() in data[:2000]


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device like /dev/null (1,3), private to the test."""
    if os.geteuid() != 0:
        missing("making a device needs root (CI runs as root)")
    path = tmp_path / "null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_character_device_is_written_through_not_replaced(writer: str, device: Path, database: str) -> None:
    result = cli(*_args(writer, database), "-o", str(device))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device
    assert os.stat(device).st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in device.parent.iterdir()) == ["null"]  # no temporary file left beside it


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_fifo_is_written_through(writer: str, tmp_path: Path, database: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli(*_args(writer, database), "-o", str(fifo), timeout=120)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and _looks_written(writer, received[0])


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_symlink_is_followed_and_kept(writer: str, tmp_path: Path, database: str) -> None:
    target = tmp_path / "real" / "out.bin"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.bin"
    link.symlink_to(target)
    result = cli(*_args(writer, database), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert _looks_written(writer, target.read_bytes())
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.bin"]


@pytest.mark.parametrize("writer", list(WRITERS))
def test_dash_and_dev_stdout_are_standard_output(writer: str, database: str) -> None:
    for name in ("-", "/dev/stdout"):
        result = subprocess.run(
            [sys.executable, "-m", "begroot", *_args(writer, database), "-o", name],
            capture_output=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, result.stderr
        assert _looks_written(writer, result.stdout), (name, result.stdout[:100])


def test_dev_stdout_redirected_to_a_file_writes_that_file_in_place(tmp_path: Path) -> None:
    """`begroot extract F -o /dev/stdout > file`: the shell's file is written, not replaced by a new one."""
    redirected = tmp_path / "shell.csv"
    with redirected.open("wb") as stream:
        before = os.fstat(stream.fileno()).st_ino
        result = subprocess.run(
            [sys.executable, "-m", "begroot", "extract", str(SLIDES), "-o", "/dev/stdout"],
            stdout=stream,
            stderr=subprocess.PIPE,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 0, result.stderr
    assert redirected.stat().st_ino == before
    assert redirected.read_text().startswith("document,scope,subject")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shell.csv"]


def test_an_output_that_is_an_input_is_refused_before_reading(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(SLIDES.read_bytes())
    link = tmp_path / "alias.csv"
    link.symlink_to(source)
    for output in (source, link):
        one_line_error(cli("extract", str(source), "-o", str(output)), "is one of the inputs")
        assert source.read_bytes() == SLIDES.read_bytes()
    # A folder of inputs holding the output file: refused too.
    one_line_error(cli("extract", str(tmp_path), "-o", str(source)), "is one of the inputs")
    assert source.read_bytes() == SLIDES.read_bytes()


def test_report_and_export_onto_the_database_are_refused(tmp_path: Path) -> None:
    database = ingest_into(f"sqlite:///{tmp_path / 'db.sqlite'}")
    file = tmp_path / "db.sqlite"
    before = file.read_bytes()
    one_line_error(cli("report", "--db", database, "-o", str(file)), "is one of the inputs")
    one_line_error(cli("export", "--format", "xlsx", "--db", database, "-o", str(file)), "is one of the inputs")
    assert file.read_bytes() == before


def test_a_regular_file_is_still_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    result = cli("extract", str(SLIDES), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("document,scope,subject")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_folder_format_onto_standard_output_is_one_line(database: str) -> None:
    one_line_error(cli("export", "--format", "parquet", "--db", database, "-o", "-"), "standard output")
    result = cli("export", "--format", "csv", "--db", database, "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("document"), result.stderr


def test_an_output_that_cannot_be_written_is_named_as_given() -> None:
    """Not the temporary file beside it (`.out.csv.x1y2.part`): the path the user gave. (/sys refuses new
    files even to root, as read-only media do.)"""
    line = one_line_error(
        cli("extract", str(SLIDES), "-o", "/sys/begroot-out.csv"), "/sys/begroot-out.csv: cannot be written"
    )
    assert ".part" not in line
