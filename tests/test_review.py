"""The review trail: verdicts on findings by their stable id, kept with their time, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import begroot
import cli
from begroot.audit import audit_file
from begroot.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "000_487494d7f3174438.txt"


def run(*args: str, db: str) -> cli.Ran:
    return cli.run(*args, "--db", db)


def _errors(db: str) -> list[dict]:
    """The report's prose mismatches (its three rates are rounded differently: info)."""
    found = json.loads(run("audit", "--format", "json", "-s", "info", db=db).stdout)
    return [f for f in found if f["rule"] == "prose-mismatch"]


def test_ids_are_stable_and_unique() -> None:
    first, second = audit_file(REPORT), audit_file(REPORT)
    ids = [f.finding_id for f in first]
    assert len(set(ids)) == len(ids) and all(i.startswith("F") for i in ids)
    assert ids == [f.finding_id for f in second]  # the same document read again: the same ids


def test_review_trail(db_url: str, tmp_path: Path) -> None:
    assert run("ingest", str(REPORT), db=db_url).returncode == 0
    errors = _errors(db_url)
    target = next(f for f in errors if f["subject"] == "JB0-1JDB2EA-PA")
    fid = target["finding_id"]
    assert target["verdict"] is None

    first = run("review", fid, "--verdict", "confirmed", "--note", "274.683/270.659 = 101,5%", "--by", "auditor",
                db=db_url)  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = run("review", fid, "--verdict", "fixed", "--note", "corrected in the errata", "--by", "editor", db=db_url)
    assert second.returncode == 0, second.stderr

    # The latest verdict counts; the trail keeps both, in order, with their time.
    reviewed = next(f for f in _errors(db_url) if f["finding_id"] == fid)
    assert (reviewed["verdict"], reviewed["verdict_note"], reviewed["verdict_by"]) == (
        "fixed", "corrected in the errata", "editor")  # fmt: skip
    with Store(db_url) as store:
        trail = store.reviews(fid)
    assert [r["verdict"] for r in trail] == ["confirmed", "fixed"]
    assert trail[0]["created_at"] <= trail[1]["created_at"]
    assert all(f["verdict"] is None for f in _errors(db_url) if f["finding_id"] != fid)

    # Markdown and the Python API show it.
    markdown = run("audit", "--format", "markdown", "-s", "info", db=db_url).stdout
    assert f"| {fid} |" in markdown and "fixed: corrected in the errata" in markdown
    frame = begroot.open(db_url).findings(severity="info")
    row = frame[frame["finding_id"] == fid].iloc[0]
    assert row["verdict"] == "fixed" and row["verdict_note"] == "corrected in the errata"

    # Exports carry it.
    out = tmp_path / "out"
    assert run("export", "--format", "csv", "--output", str(out), db=db_url).returncode == 0
    with (out / "findings.csv").open(encoding="utf-8") as stream:
        exported = {r["finding_id"]: r for r in csv.DictReader(stream)}
    assert exported[fid]["verdict"] == "fixed" and exported[fid]["verdict_note"] == "corrected in the errata"

    # Removing the document and ingesting it again keeps the verdict: it is tied to the id, not the row.
    assert run("remove", REPORT.stem, db=db_url).returncode == 0
    assert run("ingest", str(REPORT), db=db_url).returncode == 0
    again = next(f for f in _errors(db_url) if f["finding_id"] == fid)
    assert again["verdict"] == "fixed"


def test_review_of_an_unknown_finding_fails(db_url: str) -> None:
    assert run("ingest", str(REPORT), db=db_url).returncode == 0
    result = run("review", "Fdoesnotexist", "--verdict", "confirmed", "--note", "x", db=db_url)
    assert result.returncode == 1
    assert "no finding 'Fdoesnotexist'" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    with Store(db_url) as store:
        assert store.reviews() == []
    wrong = run("review", _errors(db_url)[0]["finding_id"], "--verdict", "maybe", "--note", "x", db=db_url)
    assert wrong.returncode != 0


def test_dashboard_shows_verdict_and_note(db_url: str) -> None:
    from fastapi.testclient import TestClient

    from begroot.app import create_app

    assert run("ingest", str(REPORT), db=db_url).returncode == 0
    fid = next(f["finding_id"] for f in _errors(db_url) if f["subject"] == "JB0-1JDB2EB-WT")
    assert run("review", fid, "--verdict", "false-positive", "--note", "rounding of 100,38", db=db_url).returncode == 0
    client = TestClient(create_app(db_url), base_url="http://localhost")
    audit_page = client.get("/audit?severity=info&lang=en").text
    assert "false positive" in audit_page and "rounding of 100,38" in audit_page and fid in audit_page
    article_page = client.get("/articles/JB0-1JDB2EB-WT?lang=en").text
    assert "false positive" in article_page and "rounding of 100,38" in article_page
    api = client.get("/api/v1/findings", params={"subject": "JB0-1JDB2EB-WT", "rule": "prose-mismatch"}).json()["items"]
    assert [(f["finding_id"], f["verdict"]) for f in api] == [(fid, "false-positive")]
