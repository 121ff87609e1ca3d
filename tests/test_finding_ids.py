"""Findings between documents keep their identity: ids from what they are about, never from ingest order,
so a verdict survives removing and ingesting again in any order; and `audit -f json|csv` stays valid on a
database holding such findings. SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import cli
from begroot.testing import TextStyle, random_budget, render_text
from multiyear import DOMAIN, SEED, restate_differently

CONFLICT = "cross-document-conflict"


def run(*args: str, db: str) -> cli.Ran:
    return cli.run(*args, "--db", db)


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two generated reports of one domain and year, the BA and the BU, the BU restating one BA figure differently."""
    folder = tmp_path_factory.mktemp("disagree")
    budget = random_budget(SEED, DOMAIN)
    year = list(budget.years)[2]
    ba = render_text(budget, "report", "BA", year, TextStyle())
    bu = render_text(budget, "report", "BU", year, TextStyle())
    restate_differently(bu)
    paths = []
    for document in (ba, bu):
        path = folder / f"{document.name}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def conflicts(db: str) -> dict[str, dict]:
    result = run("audit", "-f", "json", db=db)
    assert result.returncode == 0, result.stderr
    return {f["finding_id"]: f for f in json.loads(result.stdout) if f["rule"] == CONFLICT}


def test_audit_json_and_csv_are_valid_with_findings_between_documents(
    db_url: str, disagreeing: tuple[Path, Path]
) -> None:
    assert run("ingest", *map(str, disagreeing), db=db_url).returncode == 0
    result = run("audit", "-f", "json", db=db_url)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    findings = json.loads(result.stdout)
    between = [f for f in findings if f["rule"] == CONFLICT]
    assert between and all(isinstance(f["numbers"], dict) and len(f["numbers"]) == 2 for f in between)
    table = run("audit", "-f", "csv", db=db_url)
    assert table.returncode == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [row["id"] for row in rows] == [f["finding_id"] for f in findings]
    assert all(";" in row["where"] for row in rows if row["rule"] == CONFLICT)  # both documents named


def test_verdicts_survive_remove_and_ingest_in_any_order(db_url: str, disagreeing: tuple[Path, Path]) -> None:
    ba, bu = disagreeing
    assert run("ingest", str(ba), str(bu), db=db_url).returncode == 0
    first = conflicts(db_url)
    assert first
    reviewed = sorted(first)[0]
    assert run("review", reviewed, "--verdict", "confirmed", "--note", "checked", db=db_url).returncode == 0
    for order in ([ba], [bu], [bu, ba], [ba, bu]):  # remove these, then ingest them again in this order
        for path in order:
            assert run("remove", path.stem, db=db_url).returncode == 0
        assert not conflicts(db_url)
        assert run("ingest", *map(str, order), db=db_url).returncode == 0
        again = conflicts(db_url)
        assert set(again) == set(first), order
        assert again[reviewed]["verdict"] == "confirmed"
