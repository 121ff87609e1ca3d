"""The lineage of codes on a generated corpus (3 domains x 5 years x BO/BA/BU) in which programs and articles
are renamed, codes change (stated in the document or not) and a code is reused: every change is seen as what
it is, nothing else is, on SQLite and PostgreSQL; a user's link (`begroot lineage add`) is stored and listed;
the API and the pages show joins and breaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from begroot.app import create_app
from begroot.cli import app as cli
from begroot.ingest import prepared
from begroot.store import Store
from begroot.store.lineage import lineage, links
from begroot.testing.lineage import Change, Corpus, lineage_corpus
from conftest import postgres_schema_url

SEED = 5


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return lineage_corpus(SEED, domains=3, years=5)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("lineage")
    paths = []
    for document in corpus.documents:
        path = folder / f"{document.name}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)

    def fill(url: str) -> str:
        with Store(url) as store:
            for ready in prepared(paths, 2, store.engine.dialect.name):
                assert ready.rows is not None, ready.error
                store.ingest_rows(ready.rows)
        return url

    if request.param == "sqlite":
        yield fill(f"sqlite:///{folder / 'lineage.sqlite'}")
    else:
        for schema_url in postgres_schema_url():
            yield fill(schema_url)


def connect(url: str) -> Iterator[sa.Connection]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


@pytest.fixture
def db(url: str) -> Iterator[sa.Connection]:
    yield from connect(url)


def kinds(corpus: Corpus, kind: str) -> list[Change]:
    return [c for c in corpus.changes if c.kind == kind]


def test_the_corpus_has_every_kind_of_change_in_every_domain(corpus: Corpus) -> None:
    assert len(corpus.documents) == 3 * 5 * 3
    assert {(d.domain, d.year, d.stage) for d in corpus.documents} == {
        (d.domain, d.year, d.stage) for d in corpus.documents if d.stage in ("BO", "BA", "BU")
    }
    for domain in {d.domain for d in corpus.documents}:
        assert {c.kind for c in corpus.changes if c.domain == domain} == {
            "rename-program",
            "rename-article",
            "recode-stated",
            "recode-unstated",
            "reuse",
        }


def test_a_renamed_program_or_article_keeps_one_line_with_the_rename(corpus: Corpus, db: sa.Connection) -> None:
    for change in kinds(corpus, "rename-program") + kinds(corpus, "rename-article"):
        found = lineage(db, change.code)
        assert len(found["lines"]) == 1, change
        assert [(e["kind"], e["year"], e["before"].lower(), e["after"].lower()) for e in found["events"]] == [
            ("rename", change.year, change.before.lower(), change.after.lower())
        ], change


def test_a_reused_code_starts_a_new_line_with_a_note(corpus: Corpus, db: sa.Connection) -> None:
    for change in kinds(corpus, "reuse"):
        found = lineage(db, change.code)
        assert [(line["first_year"], line["name"]) for line in found["lines"]] == [
            (min(d.year for d in corpus.documents if d.domain == change.domain), change.before),
            (change.year, change.after)]  # fmt: skip
        assert [(e["kind"], e["year"]) for e in found["events"]] == [("reuse", change.year)]
        assert change.before in found["events"][0]["note"] and change.after in found["events"][0]["note"]
        # the article that moved away and the one that took the code: each one line, no event
        for code in (change.new_code, change.taker):
            assert len(lineage(db, code)["lines"]) == 1 and not lineage(db, code)["events"]


def test_a_code_change_the_document_states_is_linked(corpus: Corpus, db: sa.Connection) -> None:
    stated = {(c.code, c.new_code, c.year) for c in kinds(corpus, "recode-stated")}
    found = {
        (link["old_code"], link["new_code"], link["from_year"]) for link in links(db) if link["source"] == "document"
    }
    assert found == stated  # every one, and nothing else (the unstated ones, the reuse, are not guessed)
    for old, new, _ in stated:
        assert [link["old_code"] for link in lineage(db, new)["former"]] == [old]
        assert [link["new_code"] for link in lineage(db, old)["successors"]] == [new]


def test_every_other_code_has_one_line_and_no_event(corpus: Corpus, db: sa.Connection) -> None:
    changed = {c.code for c in corpus.changes} | {c.taker for c in corpus.changes if c.taker}
    others = sorted(corpus.codes - changed)
    assert len(others) > 50
    for code in others:
        found = lineage(db, code)
        assert len(found["lines"]) == 1 and not found["events"], (code, found["events"])
    renamed = {c.code for c in kinds(corpus, "rename-program")}
    for code in db.scalars(sa.text("SELECT DISTINCT code FROM programs")):
        if code not in renamed:
            assert not lineage(db, code)["events"], code


def test_a_user_links_an_unstated_code_change(corpus: Corpus, url: str) -> None:
    change = kinds(corpus, "recode-unstated")[0]
    runner = CliRunner()
    added = runner.invoke(cli, ["lineage", "add", change.code, change.new_code, "--from-year", str(change.year),
                                "--note", "herstructurering", "--db", url])  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["lineage", "--db", url])
    assert f"{change.code} -> {change.new_code} from {change.year} (user): herstructurering" in listed.output
    stated = kinds(corpus, "recode-stated")[0]
    assert f"{stated.code} -> {stated.new_code} from {stated.year}" in listed.output
    for connection in connect(url):
        former = lineage(connection, change.new_code)["former"]
        assert [(f["old_code"], f["source"], f["note"]) for f in former] == [(change.code, "user", "herstructurering")]
    bad = runner.invoke(cli, ["lineage", "add", "not a code", "JD", "--db", url])
    assert bad.exit_code == 1 and "is not a code" in bad.output


def test_api_and_pages_show_joins_and_breaks(corpus: Corpus, url: str) -> None:
    client = TestClient(create_app(url), base_url="http://localhost")
    reuse = kinds(corpus, "reuse")[0]
    body = client.get(f"/api/v1/lineage/{reuse.code}").json()
    assert [e["kind"] for e in body["events"]] == ["reuse"]
    html = client.get(f"/articles/{reuse.code}").text
    assert 'data-kind="reuse"' in html and f'data-year="{reuse.year}"' in html
    assert 'id="lineage-data"' in html  # the timeline drawn a line per stretch
    stated = kinds(corpus, "recode-stated")[0]
    html = client.get(f"/articles/{stated.new_code}").text
    assert f'data-kind="former" data-code="{stated.code}"' in html and "Vroeger artikel" in html
    program = kinds(corpus, "rename-program")[0]
    html = client.get(f"/programs/{program.code}?lang=en").text
    assert 'data-kind="rename"' in html and "Renamed in" in html
    for connection in connect(url):  # the ISE that has the code since the reuse
        ise = connection.execute(sa.text(
            "SELECT a.ise FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.code = :code "
            "ORDER BY d.year DESC LIMIT 1"), {"code": reuse.code}).scalar_one()  # fmt: skip
    html = client.get(f"/ises/{ise}").text
    assert 'data-kind="reuse"' in html and f'<a href="/articles/{reuse.code}">{reuse.code}</a>:' in html
    assert client.get("/api/v1/lineage/ZZ0-1ZZZ9ZZ-ZZ").status_code == 404
    listed = client.get("/api/v1/lineage").json()
    assert {(link["old_code"], link["new_code"]) for link in listed} >= {(stated.code, stated.new_code)}


def test_the_corpus_is_deterministic() -> None:
    first, second = lineage_corpus(SEED, domains=1, years=5), lineage_corpus(SEED, domains=1, years=5)
    assert first.changes == second.changes and [d.text for d in first.documents] == [d.text for d in second.documents]


def test_a_stated_link_is_stored_with_the_document_and_where_it_is_said(corpus: Corpus, url: str) -> None:
    texts = {d.name: d.text.split("\n") for d in corpus.documents}
    for connection in connect(url):
        rows = connection.execute(sa.text(
            "SELECT d.name, c.old_code, c.new_code, c.line, c.words FROM code_links c "
            "JOIN documents d ON d.id = c.document_id")).all()  # fmt: skip
    stated = {(c.code, c.new_code) for c in kinds(corpus, "recode-stated")}
    assert {(old, new) for _, old, new, _, _ in rows} == stated
    for name, old, _, line, words in rows:  # the paragraph that says so starts at `line`
        assert words == f"Vroeger artikel {old}"
        paragraph = texts[name][line - 1 : line + 8]
        assert any(words in text for text in paragraph), (name, line)
    assert len(rows) == sum(1 for d in corpus.documents for c in kinds(corpus, "recode-stated")
                            if d.domain == c.domain and d.year >= c.year)  # fmt: skip
