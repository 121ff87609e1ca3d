"""Inputs: a few bad bytes never change how a whole file is read, a document is the same whatever its encoding,
byte-order mark or line endings, and options are checked against the model's words and ranges.
"""

from __future__ import annotations

import codecs
import re
import subprocess
from pathlib import Path

import pytest

from begroot.errors import ExitCode
from begroot.parse import extract
from cli import run_process

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "samples" / "000_487494d7f3174438.txt"
SLIDES = ROOT / "samples" / "003_99a07576850413ae.txt"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_process(*args, timeout=300)


def test_invalid_utf8_bytes_are_replaced_and_their_lines_named(tmp_path: Path) -> None:
    """Three bad bytes in the report: the rest is still read as UTF-8, every fact as before."""
    lines = REPORT.read_bytes().split(b"\n")
    damaged_lines = [40, 41, 300]  # 1-based numbers of the lines that get a bad byte
    for number in damaged_lines:
        lines[number - 1] += b" \xff"
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(b"\n".join(lines))
    original, read = extract(REPORT), extract(damaged)
    assert [(f.subject, f.credit, f.year, f.stage, f.value) for f in read.facts] == [
        (f.subject, f.credit, f.year, f.stage, f.value) for f in original.facts
    ]
    encoding = [w for w in read.warnings if w.code == "encoding"]
    assert len(encoding) == 1
    assert "3 invalid UTF-8 bytes replaced (U+FFFD) on lines 40, 41, 300" in encoding[0].message
    assert "Windows-1252" not in encoding[0].message
    result = cli("extract", str(damaged), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0 and "lines 40, 41, 300" in result.stderr


def test_a_file_in_a_one_byte_encoding_is_read_as_one(tmp_path: Path) -> None:
    text = "PRÉVENTIE en één artikel\n" * 3
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    from begroot.sources import load

    source = load(path)
    assert source.pages[0].lines[0].text.startswith("PRÉVENTIE")
    assert any("Windows-1252" in w.message for w in source.warnings)


def variants(text: str) -> dict[str, bytes]:
    """The same text as a file in each way editors and converters write it."""
    return {
        "utf8.txt": text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),  # with its byte-order mark
        "latin1.txt": text.encode("latin-1"),
        "cp1252-crlf.txt": text.replace("\n", "\r\n").encode("cp1252"),
    }


def test_the_same_text_in_another_encoding_is_already_present(db_url: str, tmp_path: Path) -> None:
    # The slide sample in the characters Latin-1 and Windows-1252 both hold (others as '?').
    text = "".join(c if ord(c) < 0x80 or 0xA0 <= ord(c) <= 0xFF else "?" for c in SLIDES.read_text(encoding="utf-8"))
    paths = []
    for name, data in variants(text).items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    assert len({extract(Path(p)).sha256 for p in paths}) == 1
    result = cli("ingest", *paths, "--db", db_url, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert f"1 added, {len(paths) - 1} already present, 0 failed" in result.stderr


def test_a_utf8_file_with_line_feeds_keeps_its_content_hash() -> None:
    """Documents stored before keep their identity: for UTF-8 with line feeds, the hash is the bytes'."""
    import hashlib

    assert extract(SLIDES).sha256 == hashlib.sha256(SLIDES.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "--credit", "bogus"], "VAK, VEK, AO, TO, LO"),
        (["export", "--stage", "bogus"], "BO, BA, BA-JR, BU, DELTA"),
        (["export", "--scope", "bogus"], "total, program, ise, article"),
        (["export", "--year", "-99999999999999999999"], "--year"),
        (["diff", "a", "b", "--stages", "XX", "YY"], "BO, BA, BA-JR, BU"),
        (["diff", "a", "b", "--top", "-1"], "--top"),
        (["tables", str(SLIDES), "--page", "0"], "--page"),
    ],
)
def test_bad_option_values_are_usage_errors_naming_what_is_valid(
    args: list[str], expected: str, tmp_path: Path
) -> None:
    extra = [] if args[0] == "tables" else ["--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]
    result = cli(*args, *extra)
    assert result.returncode == ExitCode.USAGE, result.stderr
    said = " ".join(re.sub("[│╭╮╰╯─]", " ", result.stderr).split())  # Click's box, wrapped at the width
    assert expected in said and "Traceback" not in result.stderr
    assert not (tmp_path / "none.sqlite").exists()
