"""The lineage of codes on a generated corpus (3 domains x 5 years x BO/BA/BU) in which programs and articles
are renamed, codes change (stated in the document or not) and a code is reused: every change is seen as what
it is, nothing else is, on SQLite and PostgreSQL; a user's link (`begroot lineage add`) is stored and listed;
the API and the pages show joins and breaks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from begroot.app import create_app
from begroot.cli import app as cli
from begroot.ingest import prepared
from begroot.store import Store
from begroot.store.joined import joined_timeline
from begroot.store.lineage import add_link, ise_links, lineage, links
from begroot.store.overview import MAIN_STAGES, points
from begroot.store.yoy import year_on_year
from begroot.testing.lineage import Change, Corpus, lineage_corpus
from begroot.web.views import history
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
            "rename-ise",
            "replace-ise",
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
    assert bad.exit_code == 2 and "is not a code" in bad.output
    same = runner.invoke(cli, ["lineage", "add", change.code, change.code, "--db", url])
    assert same.exit_code == 2 and "the same code" in same.output


def test_year_on_year_follows_the_joins_and_stops_at_a_reuse(corpus: Corpus, db: sa.Connection) -> None:
    """A recoded article's first year is compared with its former code's year before; a reused code's first
    year of its new article is compared with nothing (the year before is another article's)."""
    for change in kinds(corpus, "recode-stated"):
        former = {(p["year"], p["stage"], p["credit"], p["perimeter"]): p["value"] for p in points(db, change.code)}
        across = [
            r for r in year_on_year(db, change.new_code) if r["comparison"] == "BO/BO-1" and r["year"] == change.year
        ]
        assert across, change
        for row in across:
            assert row["base"] == former[(change.year - 1, "BO", row["credit"], row["perimeter"])], (change, row)
    for change in kinds(corpus, "reuse"):
        rows = year_on_year(db, change.code)
        assert rows and not [r for r in rows if r["comparison"] == "BO/BO-1" and r["year"] == change.year], change


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


# --------------------------------------------------------------------------- timelines that follow the lineage


def printed(corpus: Corpus, domain: str, pieces: list[tuple[str, int, int]]) -> Counter[tuple[Any, ...]]:
    """(year, stage, credit, document, value, code) of every total-row figure the generator printed for
    `pieces` (code, first document year, last document year)."""
    found: Counter[tuple[Any, ...]] = Counter()
    for document in corpus.documents:
        for code, first, last in pieces:
            if document.domain == domain and first <= document.year <= last:
                found.update((f.year, f.stage, f.credit, document.name, f.value, code) for f in document.facts
                             if f.subject == code and f.row == "total" and f.stage in MAIN_STAGES)  # fmt: skip
    return found


def authority(corpus: Corpus, point: dict[str, Any]) -> tuple[int, str]:
    """The figure a point shows: its own document's (year and stage), else the latest document's."""
    order = {d.name: (d.year, MAIN_STAGES.index(d.stage)) for d in corpus.documents}
    stated = {s["document"]: (s["value"], s["code"]) for s in point["statements"]}
    own = [name for name in stated if order[name] == (point["year"], MAIN_STAGES.index(point["stage"]))]
    return stated[own[0]] if own else stated[max(stated, key=lambda name: order[name])]


def assert_line(corpus: Corpus, points: list[dict[str, Any]], domain: str, pieces: list[tuple[str, int, int]]) -> None:
    """The points state exactly the generator's figures of the pieces, each point's value and code the
    authoritative document's."""
    expected = printed(corpus, domain, pieces)
    shown = Counter((p["year"], p["stage"], p["credit"], s["document"], s["value"], s["code"])
                    for p in points for s in p["statements"])  # fmt: skip
    assert expected and shown == expected
    for point in points:
        assert (point["value"], point["code"]) == authority(corpus, point), point


def test_the_timeline_of_a_recoded_article_shows_its_former_years_joined(corpus: Corpus, db: sa.Connection) -> None:
    for change in kinds(corpus, "recode-stated"):
        joined = joined_timeline(db, change.new_code)
        assert {p["line"] for p in joined["points"]} == {0}  # one line across the join
        assert_line(
            corpus,
            joined["points"],
            change.domain,
            [(change.code, 0, change.year - 1), (change.new_code, change.year, 9999)],
        )
        codes = {p["year"]: p["code"] for p in joined["points"] if p["stage"] == "BO"}
        assert {y for y, code in codes.items() if code == change.code} == {y for y in codes if y < change.year}
        assert [(m["kind"], m["year"], m["code"]) for m in joined["marks"]] == [("join", change.year, change.code)]
        shown = history(db, change.new_code)
        chart = shown["lines"]
        assert [s["name"] for s in chart["series"]] == ["VAK", "VEK"]
        steps = chart["series"][0]["x"]
        at = steps.index(next(x for x in steps if int(x.split()[0]) >= change.year))
        position = {p["code"]: steps.index(f"{p['year']} {p['stage']}") for p in shown["points"]}  # the last of each
        first_new = min(
            steps.index(f"{p['year']} {p['stage']}") for p in shown["points"] if p["code"] == change.new_code
        )
        assert position[change.code] + 1 == at == first_new  # the join between the codes' figures, at its year
        assert [(m["kind"], m["at"], m["text"]) for m in chart["marks"]] == [
            ("join", at - 0.5, f"vroeger {change.code}")
        ]
        for series in chart["series"]:  # values on both sides of the join, on one line
            assert any(y is not None for y in series["y"][:at]) and any(y is not None for y in series["y"][at:])
        for point in shown["points"]:
            notes = [n["text"] for n in point["notes"] if n["kind"] == "former"]
            assert notes == ([f"vroeger {change.code}"] if point["code"] == change.code else [])


def test_the_timeline_of_a_reused_code_breaks(corpus: Corpus, db: sa.Connection) -> None:
    for change in kinds(corpus, "reuse"):
        joined = joined_timeline(db, change.code)
        lines = {line: [p for p in joined["points"] if p["line"] == line] for line in (0, 1)}
        assert {p["line"] for p in joined["points"]} == {0, 1}
        assert_line(corpus, lines[0], change.domain, [(change.code, 0, change.year - 1)])
        assert_line(corpus, lines[1], change.domain, [(change.code, change.year, 9999)])
        assert [(m["kind"], m["year"]) for m in joined["marks"]] == [("reuse", change.year)]
        chart = history(db, change.code)["lines"]
        first = min(p["year"] for p in lines[0])
        assert [s["name"] for s in chart["series"]] == [
            f"VAK {first}–{change.year - 1}",
            f"VEK {first}–{change.year - 1}",
            "VAK",
            "VEK",
        ]
        steps = chart["series"][0]["x"]
        for series in chart["series"]:  # no line across the break: each series holds its own stretch only
            own = {
                f"{p['year']} {p['stage']}"
                for p in lines[series["line"]]
                if p["credit"] == series["colour"] and p["perimeter"] == ""
            }
            assert {x for x, y in zip(steps, series["y"], strict=True) if y is not None} == own
        assert [m["kind"] for m in chart["marks"]] == ["reuse"] and chart["marks"][0]["text"] == "code hergebruikt"
        noted = [p for p in history(db, change.code)["points"] if any(n["kind"] == "reuse" for n in p["notes"])]
        assert [(p["year"], p["line"]) for p in noted] == [(change.year, 1)]


def test_a_rename_is_marked_on_the_timeline_at_its_year(corpus: Corpus, db: sa.Connection) -> None:
    for change in kinds(corpus, "rename-program") + kinds(corpus, "rename-article"):
        joined = joined_timeline(db, change.code)
        assert [(m["kind"], m["year"], m["after"].lower()) for m in joined["marks"]] == [
            ("rename", change.year, change.after.lower())
        ]
        assert {p["line"] for p in joined["points"]} == {0} and {p["code"] for p in joined["points"]} == {change.code}
        shown = history(db, change.code, "en")
        noted = [p for p in shown["points"] if p["notes"]]
        assert (
            noted
            and noted[0]["year"] == change.year
            and noted[0]["notes"][0]["text"].lower() == f"renamed: {change.after.lower()}"
        )
        assert [m["kind"] for m in shown["lines"]["marks"]] == ["rename"]


def test_a_renamed_ise_keeps_one_timeline_and_a_changed_one_does_not(corpus: Corpus, db: sa.Connection) -> None:
    renamed = kinds(corpus, "rename-ise")
    replaced = kinds(corpus, "replace-ise")
    assert len(renamed) == len(replaced) == 3
    programs = {c.code.split(":")[0] for c in renamed + replaced} | set(
        db.scalars(sa.text("SELECT DISTINCT program FROM ises"))
    )
    found = {(link["old_code"], link["new_code"], link["from_year"]) for p in programs for link in ise_links(db, p)}
    assert found == {
        (c.code, c.new_code, c.year) for c in renamed
    }  # the replaced ISEs (name and articles changed): not linked
    for change in renamed:
        joined = joined_timeline(db, change.new_code)
        assert {p["line"] for p in joined["points"]} == {0}
        assert_line(
            corpus,
            joined["points"],
            change.domain,
            [(change.code, 0, change.year - 1), (change.new_code, change.year, 9999)],
        )
        assert [(m["kind"], m["year"], m["before"].lower(), m["after"].lower()) for m in joined["marks"]] == [
            ("rename", change.year, change.before.lower(), change.after.lower())
        ]
        found_lineage = lineage(db, change.new_code)
        assert [(f["old_code"], f["source"]) for f in found_lineage["former"]] == [(change.code, "rename")]
        assert [link["new_code"] for link in lineage(db, change.code)["successors"]] == [change.new_code]
    for change in replaced:
        assert not joined_timeline(db, change.new_code)["marks"] and not lineage(db, change.new_code)["former"]
        assert {p["code"] for p in joined_timeline(db, change.new_code)["points"]} == {change.new_code}


def test_pages_and_api_draw_the_joins_and_breaks_on_the_timeline(corpus: Corpus, url: str) -> None:
    client = TestClient(create_app(url), base_url="http://localhost")
    stated = kinds(corpus, "recode-stated")[0]
    points = client.get(f"/api/v1/points/{stated.new_code}").json()
    assert {p["code"] for p in points} == {stated.code, stated.new_code}
    assert {p["year"] for p in points if p["code"] == stated.code} and min(p["year"] for p in points) < stated.year
    csv_rows = client.get(f"/api/v1/points/{stated.new_code}", params={"format": "csv"}).text.splitlines()
    assert "code" in csv_rows[0] and len(csv_rows) == len(points) + 1
    html = client.get(f"/articles/{stated.new_code}").text
    assert f'<span class="lineage-note" data-kind="former">vroeger {stated.code}</span>' in html
    assert (
        '"kind": "join"' in html and f"vroeger {stated.code}" in html.split('id="lines-data"')[1].split("</script>")[0]
    )
    reuse = kinds(corpus, "reuse")[0]
    html = client.get(f"/articles/{reuse.code}?lang=en").text
    assert (
        'data-line="0"' in html
        and 'data-line="1"' in html
        and '<span class="lineage-note" data-kind="reuse">code reused</span>' in html
    )
    ise = kinds(corpus, "rename-ise")[0]
    html = client.get(f"/ises/{ise.new_code}").text
    assert f'data-code="{ise.code}"' in html and 'data-kind="rename"' in html and f'href="/ises/{ise.code}"' in html
    body = client.get(f"/api/v1/lineage/{ise.new_code}").json()
    assert [(m["kind"], m["year"]) for m in body["marks"]] == [("rename", ise.year)]
    assert [f["old_code"] for f in body["former"]] == [ise.code]


def test_a_code_change_a_user_links_joins_the_timeline_too(corpus: Corpus, url: str) -> None:
    engine = sa.create_engine(url)
    for change in kinds(corpus, "recode-unstated"):
        with engine.connect() as connection:
            linked = [f["old_code"] for f in lineage(connection, change.new_code)["former"]]
        if change.code not in linked:  # test_a_user_links_an_unstated_code_change links the first one
            add_link(engine, change.code, change.new_code, change.year, "herstructurering")
        with engine.connect() as connection:
            joined = joined_timeline(connection, change.new_code)
        assert_line(corpus, joined["points"], change.domain,
                    [(change.code, 0, change.year - 1), (change.new_code, change.year, 9999)])  # fmt: skip
        assert [(m["kind"], m["year"], m["code"]) for m in joined["marks"]] == [("join", change.year, change.code)]
    engine.dispose()
