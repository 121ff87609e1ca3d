"""Findings keep their identity: ids from what they are about (the documents' content, never their file
names), never from ingest order, so a verdict survives removing and ingesting again in any order and under
another file name; and `audit -f json|csv` stays valid on a database holding findings between documents.
SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def audited(db: str) -> dict[str, dict]:
    result = run("audit", "-f", "json", "--all", db=db)
    assert result.returncode == 0, result.stderr
    return {f["finding_id"]: f for f in json.loads(result.stdout)}


def conflicts(db: str) -> dict[str, dict]:
    return {key: f for key, f in audited(db).items() if f["rule"] == CONFLICT}


def own(findings: dict[str, dict], document: str) -> list[str]:
    """The ids of the findings about this document alone, in id order."""
    return sorted(key for key, f in findings.items() if f["rule"] != CONFLICT
                  and {place["document"] for place in f["locations"]} == {document})  # fmt: skip


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
    everything = audited(db_url)
    first = conflicts(db_url)
    assert first
    # a conflict between the two, and a finding of each document alone
    reviewed = [sorted(first)[0], own(everything, ba.stem)[0], own(everything, bu.stem)[-1]]
    for key in reviewed:
        assert run("review", key, "--verdict", "confirmed", "--note", "checked", db=db_url).returncode == 0
    for order in ([ba], [bu], [bu, ba], [ba, bu]):  # remove these, then ingest them again in this order
        for path in order:
            assert run("remove", path.stem, db=db_url).returncode == 0
        assert not conflicts(db_url)
        assert run("ingest", *map(str, order), db=db_url).returncode == 0
        again = audited(db_url)
        assert set(again) == set(everything), order
        assert [again[key]["verdict"] for key in reviewed] == ["confirmed"] * 3, order


def test_a_verdict_survives_renaming_the_file(db_url: str, disagreeing: tuple[Path, Path], tmp_path: Path) -> None:
    """Removed, then ingested again from a copy under another file name, with Windows line endings: the same
    content, so the same findings under the same ids, the verdict with them; only the document's id changed."""
    ba, _ = disagreeing
    assert run("ingest", str(ba), db=db_url).returncode == 0
    before = audited(db_url)
    reviewed = own(before, ba.stem)[0]
    assert run("review", reviewed, "--verdict", "false-positive", "--note", "seen", db=db_url).returncode == 0
    assert run("remove", ba.stem, db=db_url).returncode == 0
    assert audited(db_url) == {}
    renamed = tmp_path / "Begroting BA (kopie).txt"
    renamed.write_bytes(ba.read_bytes().replace(b"\n", b"\r\n"))
    assert run("ingest", str(renamed), db=db_url).returncode == 0
    after = audited(db_url)
    assert set(after) == set(before) and own(after, "Begroting-BA-kopie") == own(before, ba.stem)
    assert after[reviewed]["verdict"] == "false-positive" and after[reviewed]["verdict_note"] == "seen"


@given(st.text(alphabet="-−0123456789.,a €\n", max_size=40))
def test_an_id_masks_numbers_as_it_always_did(text: str) -> None:
    """The ids mask a message's numbers with a pattern written for speed: it masks exactly what `-?\\d[\\d.,]*`
    masks (the pattern the ids were made with, frozen in migration 0010), or every id would change."""
    from begroot.audit.findings import _DIGITS

    assert _DIGITS.sub("#", text) == re.sub(r"-?\d[\d.,]*", "#", text)
