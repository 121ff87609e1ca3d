"""Findings are stored at ingest; `begroot audit` without files reads them back from the database."""

from __future__ import annotations

import json
from pathlib import Path

import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run(*args: str, db: str) -> cli.Ran:
    return cli.run(*args, "--db", db)


def test_database_audit_equals_file_audit(db_url: str) -> None:
    db = db_url
    assert run("ingest", str(SAMPLES), db=db).returncode == 0
    stored = json.loads(run("audit", "--format", "json", db=db).stdout)
    files = cli.run("audit", "--format", "json", *map(str, sorted(SAMPLES.glob("*.txt"))))
    assert files.returncode == 0, files.stderr
    from_files = json.loads(files.stdout)

    def key(f: dict) -> tuple:
        return (f["rule"], f["message"], tuple(sorted(loc["source_line"] for loc in f["locations"])))

    assert sorted(map(key, stored)) == sorted(map(key, from_files))
    assert any(f["rule"] == "statement-mismatch" for f in stored)
