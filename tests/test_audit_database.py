"""Findings are stored at ingest; `begroot audit` without files reads them back from the database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "begroot", *args, "--db", db], capture_output=True, text=True)


def test_database_audit_equals_file_audit(db_url: str) -> None:
    db = db_url
    assert run("ingest", str(SAMPLES), db=db).returncode == 0
    stored = json.loads(run("audit", "--format", "json", db=db).stdout)
    files = subprocess.run(
        [sys.executable, "-m", "begroot", "audit", "--format", "json", *map(str, sorted(SAMPLES.glob("*.txt")))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    from_files = json.loads(files.stdout)

    def key(f: dict) -> tuple:
        return (f["rule"], f["message"], tuple(sorted(loc["source_line"] for loc in f["locations"])))

    assert sorted(map(key, stored)) == sorted(map(key, from_files))
    assert any(f["rule"] == "statement-mismatch" for f in stored)
