"""Exports, regenerated reports and diffs, checked against the facts, the source lines and the audit."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import frictionless
import pandas as pd
import pytest
from typer.testing import CliRunner

from begroot.audit import load_and_parse
from begroot.audit.prose import Scope, check_scope, round_half_up
from begroot.cli import app
from begroot.export import build_report, load, render_html, render_markdown
from begroot.export.numbers import nl
from begroot.export.report import ROW_LABELS, Paragraph, TableBlock
from begroot.model import Line
from begroot.parse.text import paragraphs
from begroot.store import Store
from begroot.store.exports import FactFilter, facts_query

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "000_487494d7f3174438.txt"
SLIDES = SAMPLES / "003_99a07576850413ae.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(samples_db: str) -> str:
    return samples_db  # SQLite, and PostgreSQL when available (conftest)


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# --------------------------------------------------------------------------- report round trip

LABEL_ROWS = {label: row for row, label in ROW_LABELS.items()} | {"Uitgaven": "total", "Ontvangsten": "total"}


def markdown_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """The BBT tables of a generated report (those under a '(duizend euro)' note): header and rows."""
    tables, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if line == "*(duizend euro)*":
            block = [row for row in _table_at(lines, i + 2)]
            tables.append((block[0], block[2:]))
    return tables


def _table_at(lines: list[str], start: int) -> list[list[str]]:
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def parse_nl(text: str) -> int:
    return int(text.replace(".", ""))


def values_from_markdown(header: list[str], rows: list[list[str]]) -> dict[tuple[str, str, str], int]:
    """(row, credit, stage) -> value, read back from a Markdown table in either layout."""
    values = {}
    for label, *cells in rows:
        for column, cell in zip(header[1:], cells, strict=True):
            if not cell:
                continue
            if " " in column:  # "VAK BA-JR": a wide table, rows are ESR-uitgaven ... Totaal
                credit, stage = column.split(" ")
                values[(LABEL_ROWS[label], credit, stage)] = parse_nl(cell)
            else:  # stage rows: the row label is the stage, the column the credit
                values[("total", column, label)] = parse_nl(cell)
    return values


@pytest.fixture(scope="module")
def report_markdown(db: str) -> str:
    return _invoke("report", "--document", REPORT.stem, "--db", db)


def test_report_tables_carry_the_printed_values(db: str, report_markdown: str) -> None:
    with Store(db) as store:
        blocks = [b for s in build_report(store, REPORT.stem).sections for b in s.blocks if isinstance(b, TableBlock)]
        facts = pd.DataFrame(store.rows(facts_query(FactFilter(document=REPORT.stem))))
    tables = markdown_tables(report_markdown)
    assert len(tables) == len(blocks) == facts["table_index"].nunique()
    source = REPORT.read_text(encoding="utf-8").splitlines()
    for block, (header, rows) in zip(blocks, tables, strict=True):
        printed = facts[facts["table_index"] == block.table_index]
        expected = {(r.row, r.credit, r.stage): r.value for r in printed.itertuples()}
        assert values_from_markdown(header, rows) == expected, block.subject
        for fact in printed.itertuples():  # and each value stands on its source line as printed
            assert re.search(rf"(?<![\d.]){re.escape(nl(fact.value))}(?![\d])", source[fact.source_line - 1])


def test_report_markdown_sample_article(report_markdown: str) -> None:
    assert "| Uitgaven | 356.797 | 356.799 | 292.136 | 356.797 | 356.799 | 292.136 |" in report_markdown
    assert (
        "De realisatie op dit begrotingsartikel bedraagt 292.136 keuro. "
        "Dit is 82% of 64.663 keuro minder dan het voorziene budget." in report_markdown
    )
    assert "| ESR-uitgaven | 581.021 | 567.306 | 489.344 | 582.189 | 576.767 | 489.022 |" in report_markdown


# --------------------------------------------------------------------------- sentences against the audit


def _sentences(db: str) -> dict[str, list[str]]:
    with Store(db) as store:
        report = build_report(store, REPORT.stem)
    found: dict[str, list[str]] = {}
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.subject:
                found.setdefault(block.subject, []).append(block.text)
    return found


def test_every_sentence_passes_the_prose_checker(db: str) -> None:
    document, _ = load_and_parse(REPORT)
    by_subject = {}
    for table in document.tables:
        by_subject.setdefault(table.subject, []).extend(table.facts)
    sentences = _sentences(db)
    assert len(sentences) > 40
    for subject, texts in sentences.items():
        lines = [Line(text, 1, number) for number, text in enumerate(texts, start=1)]
        scope = Scope(document.name, subject, paragraphs(lines), by_subject[subject], document.year)
        findings = list(check_scope(scope))
        quoted = sum(len(re.findall(r"keuro|%", text)) for text in texts)
        assert len(findings) == quoted, subject
        assert all(f.rule == "prose-check" and f.verified for f in findings), subject


def test_sentences_agree_with_the_audits_verified_checks(db: str) -> None:
    sentences = _sentences(db)
    findings = runner.invoke(app, ["audit", str(REPORT), "--format", "json"]).stdout
    checked = 0
    for finding in json.loads(findings):
        label = finding["context"].get("label", "") if finding["verified"] else ""
        kind, _, credit = label.rpartition(" ")
        if kind not in ("BU/BA-JR", "BA-JR − BU") or finding["subject"] not in sentences:
            continue
        text = " ".join(sentences[finding["subject"]])
        ours = [s for s in sentences[finding["subject"]] if f"keuro {credit}" in s] or sentences[finding["subject"]]
        if kind == "BU/BA-JR":
            assert f"{round_half_up(finding['numbers'][label], 0):.0f}%" in " ".join(ours), (label, text)
        else:
            assert f"{nl(finding['expected'])} keuro" in " ".join(ours), (label, text)
        checked += 1
    assert checked > 30


# --------------------------------------------------------------------------- exports


def test_datapackage_validates(db: str, tmp_path: Path) -> None:
    _invoke("export", "--format", "datapackage", "--output", str(tmp_path / "dp"), "--db", db)
    report = frictionless.validate(str(tmp_path / "dp" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    descriptor = json.loads((tmp_path / "dp" / "datapackage.json").read_text())
    measures = descriptor["model"]["measures"]
    assert list(measures) == ["VAK", "VEK", "AO", "TO", "LO"]
    assert all(m["currency"] == "EUR" and m["factor"] == 1000 for m in measures.values())
    assert descriptor["model"]["dimensions"]["article"]["attributes"].keys() >= {"entity", "kind", "program"}
    budget = pd.read_csv(tmp_path / "dp" / "budget.csv")
    line = budget[(budget["subject"] == "JB0-1JDB2CA-WT") & (budget["stage"] == "BU")].iloc[0]
    assert (line["VAK"], line["VEK"], line["budget_phase"], line["article_program"]) == (
        292136,
        292136,
        "executed",
        "JD",
    )


def test_csv_to_stdout_has_the_fact_columns_first(db: str) -> None:
    text = _invoke("export", "--db", db, "--subject", "JB0-1JDB2CA-WT", "--stage", "BU")
    lines = text.strip().splitlines()
    assert lines[0].startswith("document,scope,subject,row,credit,year,stage,value,page,source_line")
    assert len(lines) == 3 and ",VAK,2023,BU,292136,34,1863" in lines[1]


def test_parquet_and_xlsx_read_back_like_the_csv(db: str, tmp_path: Path) -> None:
    for fmt, target in (("csv", "csv"), ("parquet", "pq"), ("xlsx", "book.xlsx")):
        _invoke("export", "--format", fmt, "--output", str(tmp_path / target), "--db", db)
    with Store(db) as store:
        tables = load(store)
    for name in tables:
        csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv", keep_default_na=False, na_values=[""])
        parquet = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        excel = pd.read_excel(tmp_path / "book.xlsx", sheet_name=name)
        assert len(csv) == len(parquet) == len(excel) == len(tables[name]), name
        assert list(parquet.columns) == list(csv.columns) == list(excel.columns), name
    facts = pd.read_parquet(tmp_path / "pq" / "facts.parquet")
    for column in ("value", "year", "page", "source_line"):
        assert facts[column].dtype == "int64"
    for column in ("scope", "credit", "stage", "subject"):
        assert isinstance(facts[column].dtype, pd.CategoricalDtype)
    assert isinstance(pd.read_parquet(tmp_path / "pq" / "documents.parquet")["ingested_at"].dtype, pd.DatetimeTZDtype)
    csv = pd.read_csv(tmp_path / "csv" / "facts.csv")
    excel = pd.read_excel(tmp_path / "book.xlsx", sheet_name="facts")
    for frame in (facts, excel):
        assert frame["value"].tolist() == csv["value"].tolist()
        assert frame["subject"].astype(str).tolist() == csv["subject"].tolist()


def test_parquet_reads_in_duckdb(db: str, tmp_path: Path) -> None:
    import duckdb  # a dev dependency: this test always runs

    _invoke("export", "--format", "parquet", "--output", str(tmp_path / "pq"), "--db", db)
    total = duckdb.sql(f"select sum(value) from '{tmp_path / 'pq' / 'facts.parquet'}'").fetchall()[0][0]
    assert total == pd.read_csv(pd.io.common.StringIO(_invoke("export", "--db", db)))["value"].sum()


def test_xlsx_formatting(db: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _invoke("export", "--format", "xlsx", "--output", str(tmp_path / "b.xlsx"), "--db", db)
    sheet = load_workbook(tmp_path / "b.xlsx")["facts"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet["H2"].number_format == "#,##0" and sheet["H1"].value == "value"
    assert sheet.column_dimensions["C"].width >= len("JB0-1JDB2CA-WT")


def test_filters(db: str) -> None:
    with Store(db) as store:
        jf = load(store, FactFilter(program="JF"))["facts"]
    assert set(jf["subject"].astype(str)) >= {"JF", "JF:competenties", "JB0-1JFB2FB-WT"}
    assert all(s.startswith(("JF", "JB0-1JF")) for s in jf["subject"].astype(str))


# --------------------------------------------------------------------------- diff


def test_diff_lists_exactly_the_changes(tmp_path: Path) -> None:
    document, _ = load_and_parse(REPORT)
    lines = REPORT.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = next(f for f in document.facts if f.subject == "JB0-1JDB2CA-WT" and f.credit == "VAK" and f.stage == "BU")
    lines[changed.source_line - 1] = lines[changed.source_line - 1].replace("292.136", "292.000", 1)
    gone = ["JB0-1JDB2CB-WT", "JB0-1JDB2CD-WT"]  # two articles in a row, removed with their text
    starts = sorted(a.line for a in document.articles)
    first = document.article(gone[0]).line
    after = next(line for line in starts if line > document.article(gone[1]).line)
    modified = tmp_path / "000_modified.txt"
    modified.write_text("".join(lines[: first - 1] + lines[after - 1 :]), encoding="utf-8")

    out = _invoke("diff", str(REPORT), str(modified), "--format", "csv")
    rows = pd.read_csv(pd.io.common.StringIO(out))
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["subject"], row["credit"], row["stage"], row["a"], row["b"], row["change"]) == (
        "JB0-1JDB2CA-WT", "VAK", "BU", 292136, 292000, -136,
    )  # fmt: skip
    text = _invoke("diff", str(REPORT), str(modified), "--format", "markdown")
    assert f"articles gone: {', '.join(sorted(gone))}" in text and "articles added: none" in text


def test_diff_two_stages_of_one_document(db: str) -> None:
    out = _invoke("diff", REPORT.stem, REPORT.stem, "--stages", "BA-JR", "BU", "--format", "csv", "--db", db)
    rows = pd.read_csv(pd.io.common.StringIO(out))
    assert rows["change"].abs().is_monotonic_decreasing
    line = rows[(rows["subject"] == "JB0-1JDB2CA-WT") & (rows["credit"] == "VAK")].iloc[0]
    assert (line["a"], line["b"], line["change"], line["stage"]) == (356799, 292136, -64663, "BA-JR→BU")


# --------------------------------------------------------------------------- HTML in a browser


@pytest.mark.browser
def test_html_report_opens_offline_without_console_errors(
    db: str, tmp_path: Path, browser_context: BrowserContext
) -> None:
    page_path = tmp_path / "report.html"
    _invoke("report", "--document", REPORT.stem, "--format", "html", "--output", str(page_path), "--db", db)
    errors: list[str] = []
    requests: list[str] = []
    page = browser_context.new_page()  # chromium as the browser tests have it (tests/conftest.py)
    try:
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_path.as_uri())
        assert page.locator("table").count() > 50
        assert page.locator("svg rect").count() > 10
        assert "292.136" in page.inner_text("body")
    finally:
        page.close()
    assert errors == []
    assert all(url.startswith("file:") for url in requests)


def test_html_is_standalone(db: str) -> None:
    with Store(db) as store:
        html = render_html(build_report(store, REPORT.stem))
        markdown = render_markdown(build_report(store, SLIDES.stem))
    assert "<script src" not in html and "<link" not in html and "<svg" in html
    assert "VAK BO 2022" in markdown and "| Totaal | 3.747.351" in markdown


def test_exports_keep_formula_like_text_as_text(tmp_path: Path) -> None:
    """A document named like a spreadsheet formula: XLSX stores the name as a string cell, CSV
    prefixes it with an apostrophe (OWASP); numbers, negative ones included, stay numbers."""
    import csv as csv_module

    from openpyxl import load_workbook

    named = tmp_path / '=HYPERLINK("http:x","klik").txt'
    named.write_bytes(SLIDES.read_bytes())
    url = f"sqlite:///{tmp_path / 'formula.sqlite'}"
    document, _source = load_and_parse(named)
    with Store(url) as store:
        store.ingest(document)
    _invoke("export", "--format", "xlsx", "--output", str(tmp_path / "book.xlsx"), "--db", url)
    book = load_workbook(tmp_path / "book.xlsx")
    texts = [cell for sheet in book for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    formula_like = [cell for cell in texts if cell.value.startswith("=")]
    assert [cell.value for cell in formula_like] == [named.name] and formula_like[0].data_type == "s"
    assert not any(cell.data_type == "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    _invoke("export", "--format", "csv", "--output", str(tmp_path / "csv"), "--db", url)
    cells = [cell for path in (tmp_path / "csv").glob("*.csv")
             for row in csv_module.reader(path.open(encoding="utf-8")) for cell in row]  # fmt: skip
    assert f"'{named.name}" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    negatives = [c for c in cells if c.startswith("-")]
    assert negatives and all(re.fullmatch(r"-\d+(\.\d+)?", c) for c in negatives)  # numbers untouched


def test_diff_from_to_matches_by_subject_across_years(tmp_path: Path) -> None:
    """`--from DOC:BO:Y --to DOC:BO:Y+1`: two documents of the same budget a year apart, matched by subject
    (not by year), the change the later minus the earlier; an empty result says why."""
    from begroot.testing import TextStyle, random_budget, render_text

    budget = random_budget(11)
    years = budget.years[1], budget.years[2]
    made = [render_text(budget, "report", "BO", year, TextStyle(), seed=11) for year in years]
    paths = []
    for generated in made:
        path = tmp_path / f"{generated.name}.txt"
        path.write_text(generated.text, encoding="utf-8")
        paths.append(path)
    start, end = f"{paths[0]}:BO:{years[0]}", f"{paths[1]}:BO:{years[1]}"
    out = _invoke("diff", "--from", start, "--to", end, "--format", "csv")
    rows = pd.read_csv(pd.io.common.StringIO(out))
    assert len(rows) > 10 and set(rows["stage"]) == {"BO→BO"} and set(rows["year"]) == {f"{years[0]}→{years[1]}"}
    expected = {(f.subject, f.credit, f.year): f.value for generated in made for f in generated.facts
                if f.row == "total" and f.stage == "BO" and f.scope == "program"}  # fmt: skip
    for _, row in rows[rows["scope"] == "program"].iterrows():
        before, after = (
            expected[(row["subject"], row["credit"], years[0])],
            expected[(row["subject"], row["credit"], years[1])],
        )
        assert (row["a"], row["b"], row["change"]) == (before, after, after - before)
    text = _invoke("diff", "--from", start, "--to", end)
    assert f"change = BO {years[1]} − BO {years[0]}" in text
    empty = _invoke("diff", "--from", f"{paths[0]}:BU:{years[0]}", "--to", end)
    assert "figures changed: 0" in empty and f"prints no figure at BU {years[0]}" in empty
