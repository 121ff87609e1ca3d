"""Audit output a reader can use: messages in Dutch and English with Flemish numbers, a summary with
plurals right, one line per problem, `--all`, `--fail-on`, and verdicts that count."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

import cli
from begroot.audit import Finding, audit_document, audit_file
from begroot.audit.messages import CATALOGUE, message
from begroot.parse import parse
from begroot.sources import load_bytes
from begroot.testing.corpus import generate, plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "000_487494d7f3174438.txt"
SLIDES = SAMPLES / "003_99a07576850413ae.txt"
ENGLISH = ("printed ", "does not match", "agrees with", "add up to", "rounded differently", "statement ",
           "execution above", "very low", "frames of program", "unsure")  # fmt: skip


def run(*args: str) -> cli.Ran:
    return cli.run(*args)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for key, (dutch, english) in CATALOGUE.items():
        assert dutch and english and fields(dutch) == fields(english), key


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    made = [generate(plan(n)) for n in range(6)]
    found = audit_file(REPORT) + audit_file(SLIDES)
    for doc in made:
        source = load_bytes(f"{doc.name}.txt", doc.text.encode())
        found += audit_document(parse(source), source)
    return found


def test_every_finding_speaks_dutch_and_english(findings: list[Finding]) -> None:
    rules = set()
    for finding in findings:
        assert "words" in finding.context, finding.rule
        dutch, english = message(finding, "nl"), message(finding, "en")
        assert english == finding.message  # the stored message is the English one
        assert not any(word in dutch for word in ENGLISH), dutch
        # begroot's own numbers (after "="; the printed figure and the quoted sentence are the document's) are
        # Flemish in both languages: no English decimal point
        for text in (dutch, english):
            for computed in re.findall(r"= ([^:“(]*)", text.partition("“")[0]):
                assert not re.search(r"\d\.\d{1,2}(?!\d)", computed), text
        rules.add(finding.rule)
    assert {"prose-check", "prose-mismatch", "execution", "statement-check", "statement-mismatch"} <= rules
    rate = next(f for f in findings if f.context.get("figure") == "102%")
    assert "101,49%" in message(rate, "nl") and "anders afgerond" in message(rate, "nl")
    assert "101,49%" in message(rate, "en") and "rounded differently" in message(rate, "en")


def test_audit_prints_a_summary_and_one_line_per_problem() -> None:
    dutch = run("audit", str(REPORT), str(SLIDES))
    assert dutch.returncode == 0, dutch.stderr
    lines = dutch.stdout.splitlines()
    assert re.match(r"\d+ bevindingen \(2 documenten\): 0 fouten, 1 waarschuwing, \d+ info$", lines[0]), lines[0]
    assert lines[1].startswith("per regel: ") and "statement-mismatch warning 1" in lines[1]
    problems = [line for line in lines if re.match(r"F[0-9a-f]{12}(-\d+)? ", line)]
    assert len(problems) == 1 and "warning" in problems[0] and "uitspraak totaal" in problems[0]
    assert len(lines) < 10  # not thousands of lines: info stays in the counts
    english = run("audit", str(SLIDES), "--lang", "en")
    assert re.match(r"\d+ findings \(1 document\): 0 errors, 1 warning, \d+ info$", english.stdout.splitlines()[0])
    everything = run("audit", str(SLIDES), "--all", "--lang", "en").stdout.splitlines()
    assert len([line for line in everything if re.match(r"F[0-9a-f]{12}", line)]) > 10


def test_fail_on_gates_on_severity() -> None:
    assert run("audit", str(SLIDES), "--fail-on", "warning").returncode == 5  # ExitCode.FINDINGS
    assert run("audit", str(SLIDES), "--fail-on", "error").returncode == 0
    as_json = run("audit", str(SLIDES), "--format", "json", "--lang", "nl", "-s", "warning")
    [finding] = json.loads(as_json.stdout)
    assert (
        finding["message"].startswith("JE:duurzame-arbeidsmarkt: uitspraak totaal")
        and finding["rule"] == "statement-mismatch"
    )


def test_a_false_positive_stops_counting(db_url: str) -> None:
    """One id everywhere, and a finding reviewed false-positive no longer counts: exit code, summary,
    the library's badge, the audit page (shown apart, with its verdict)."""
    from fastapi.testclient import TestClient

    from begroot.app import create_app

    assert run("ingest", str(SLIDES), "--db", db_url).returncode == 0
    [finding] = json.loads(run("audit", "--format", "json", "-s", "warning", "--db", db_url).stdout)
    assert "id" not in finding and re.fullmatch(r"F[0-9a-f]{12}", finding["finding_id"])
    client = TestClient(create_app(db_url), base_url="http://localhost")
    [api] = client.get("/api/v1/findings", params={"severity": "warning"}).json()["items"]
    assert "id" not in api and api["finding_id"] == finding["finding_id"]
    assert 'data-warnings="1"' in client.get("/").text
    assert run("audit", "--fail-on", "warning", "--db", db_url).returncode == 5  # ExitCode.FINDINGS
    reviewed = run(
        "review", finding["finding_id"], "--verdict", "false-positive", "--note", "stale slide", "--db", db_url
    )
    assert reviewed.returncode == 0, reviewed.stderr
    assert run("audit", "--fail-on", "warning", "--db", db_url).returncode == 0
    summary = run("audit", "--db", db_url).stdout.splitlines()
    assert ", 0 waarschuwingen," in summary[0] and "vals alarm 1" in summary[2]
    client = TestClient(create_app(db_url), base_url="http://localhost")  # a new app: no cached page
    home = client.get("/").text
    assert 'data-warnings="0"' in home and 'data-warnings="1"' not in home
    page = client.get("/audit").text
    assert f'id="finding-{finding["finding_id"]}" class="sev-reviewed"' in page and "vals alarm" in page


def test_a_rate_rounded_differently_is_not_marked_wrong_on_the_article_page(db_url: str) -> None:
    """The article page marked the printed 102% red; it is within one printed unit of 101,49%: not red."""
    from fastapi.testclient import TestClient

    from begroot.app import create_app

    assert run("ingest", str(REPORT), "--db", db_url).returncode == 0
    client = TestClient(create_app(db_url), base_url="http://localhost")
    page = client.get("/articles/JB0-1JDB2EA-PA", params={"lang": "nl"}).text
    mark = re.search(r'<a class="figlink"[^>]*title="([^"]*)"[^>]*><mark class="fig (\w+)">102%</mark>', page)
    assert mark and mark.group(2) == "ok" and "anders afgerond" in mark.group(1) and "101,49%" in mark.group(1)
    assert 'class="fig bad"' not in page
