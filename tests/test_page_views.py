"""A document's page and its page views: what was read and left out, the PDF page drawn with every
figure boxed, text lines with their numbers, the selection, and 404 (never 500) out of range."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape as html_unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.ingest import prepare
from begroot.parse.numbers import parse_int
from begroot.store import Store
from conftest import BACKENDS, new_database
from pdfgen import render_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
PDF_PAGES = 6


@pytest.fixture(scope="module", params=BACKENDS)
def library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The samples and the sample report as a PDF, ingested once per backend: the tests below only read it."""
    folder = tmp_path_factory.mktemp("page-views")
    pdf = folder / "rendered.pdf"
    pdf.write_bytes(render_pdf(SAMPLES[0], pages=PDF_PAGES))
    for url in new_database(request.param, folder):
        with Store(url) as store:
            for path in [*SAMPLES, pdf]:
                ready = prepare(path, store.engine.dialect.name)
                assert ready.rows is not None, ready.error
                store.ingest_rows(ready.rows)
        yield url


@pytest.fixture
def client(library: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A new app (nothing cached in it) with a page cache of its own on the shared database."""
    monkeypatch.setenv("BEGROOT_PAGE_CACHE", str(tmp_path / "cache"))
    yield TestClient(create_app(library), base_url="http://localhost")


def test_document_page_shows_what_was_read(client: TestClient) -> None:
    data = client.get("/api/v1/documents/rendered").json()
    assert data["page_count"] == PDF_PAGES and data["format"] == "pdf"
    assert data["counts"]["facts"] == client.get("/api/v1/facts?document=rendered&limit=1").json()["total"]
    sample = client.get(f"/api/v1/documents/{SAMPLES[0].stem}").json()
    assert {d["name"] for d in sample["siblings"]} == {"rendered"}  # same domain and year
    assert (
        sum(sample["severities"].values()) == client.get(f"/api/v1/findings?document={SAMPLES[0].stem}").json()["total"]
    )
    html = client.get("/documents/rendered").text
    assert html.count('href="/documents/rendered/pages/') == PDF_PAGES
    assert 'href="/documents/rendered/original"' in html
    assert client.get("/documents/nothing-here").status_code == 404


def test_every_figure_of_a_pdf_page_is_boxed_over_its_number(client: TestClient) -> None:
    facts = client.get("/api/v1/facts?document=rendered&limit=5000").json()["items"]
    pages = sorted({fact["page"] for fact in facts})
    assert pages
    for number in pages:
        view = client.get(f"/api/v1/documents/rendered/pages/{number}").json()
        on_page = [fact for fact in facts if fact["page"] == number]
        assert len(view["figures"]) == len(on_page)
        lines = {line["number"]: line["text"] for line in view["lines"]}
        for figure in view["figures"]:
            start, end = figure["span"]
            assert parse_int(lines[figure["source_line"]][start:end]) == figure["value"]
            box = figure["box"]
            assert 0 <= box["left"] < box["left"] + box["width"] <= 100
            assert 0 <= box["top"] < box["top"] + box["height"] <= 100
        chosen = view["figures"][-1]
        html = client.get(f"/documents/rendered/pages/{number}?fact={chosen['id']}").text
        assert f'class="figure-box selected" data-fact="{chosen["id"]}"' in html
        assert html.count('class="figure-box') == len(on_page)


def test_pdf_page_image_is_rendered_once(client: TestClient, tmp_path: Path) -> None:
    first = client.get("/documents/rendered/pages/2.png")
    assert first.status_code == 200 and first.headers["content-type"] == "image/png"
    assert first.content.startswith(b"\x89PNG")
    cached = list((tmp_path / "cache").rglob("*.png"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    assert client.get("/documents/rendered/pages/2.png").content == first.content
    assert [path.name for path in (tmp_path / "cache").rglob("*.png")] == [cached[0].name]
    assert cached[0].stat().st_mtime_ns >= stamp


def test_text_page_lines_numbers_and_selection(client: TestClient) -> None:
    name = SAMPLES[0].stem
    first = client.get(f"/api/v1/facts?document={name}&limit=1").json()["items"][0]
    view = client.get(f"/api/v1/documents/{name}/pages/{first['page']}").json()
    fact = next(f for f in view["figures"] if (f["source_line"], f["value"]) == (first["source_line"], first["value"]))
    assert view["lines"][0]["number"] <= fact["source_line"] <= view["lines"][-1]["number"]
    html = client.get(f"/documents/{name}/pages/{fact['page']}?fact={fact['id']}").text
    assert f'<tr id="L{fact["source_line"]}" class="selected">' in html
    assert f'class="figure selected" data-fact="{fact["id"]}"' in html
    from begroot.web.i18n import number

    citation = re.search(r'id="cite-text" class="copy-source" type="text" readonly value="([^"]+)"', html)
    assert citation is not None
    assert f"p. {fact['page']}, regel {fact['source_line']}" in citation.group(1)
    assert f"{number(fact['value'])} keuro" in citation.group(1)
    # the permanent link names the figure by its place and key (row ids change on a new ingest) and selects it
    key = f"line={fact['source_line']}&value={fact['value']}&credit={fact['credit']}&stage={fact['stage']}"
    permalink = re.search(r'id="cite-link" class="copy-source" type="url" readonly value="([^"]+)"', html)
    assert permalink is not None
    link = html_unescape(permalink.group(1))
    assert f"/documents/{name}/pages/{fact['page']}?{key}" in link and link in html_unescape(citation.group(1))
    followed = client.get(link).text
    assert f'class="figure selected" data-fact="{fact["id"]}"' in followed
    line = fact["source_line"] + 1
    assert (
        f'<tr id="L{line}" class="selected">' in client.get(f"/documents/{name}/pages/{fact['page']}?line={line}").text
    )
    assert client.get(f"/documents/{name}/pages/{fact['page']}.png").status_code == 404  # text: no image


@pytest.mark.parametrize("path", ["/documents/rendered/pages/0", "/documents/rendered/pages/7",
                                  "/documents/rendered/pages/99999999", "/documents/rendered/pages/7.png",
                                  "/api/v1/documents/rendered/pages/7", "/documents/nothing/pages/1"])  # fmt: skip
def test_pages_out_of_range_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_finding_selects_its_line(client: TestClient) -> None:
    name = SAMPLES[0].stem
    findings = client.get(f"/api/v1/findings?document={name}").json()["items"]
    finding = next(f for f in findings if any(p.get("document") == name for p in f["locations"]))
    place = next(p for p in finding["locations"] if p.get("document") == name)
    view = client.get(f"/api/v1/documents/{name}/pages/{place['page']}?finding={finding['finding_id']}").json()
    assert place["source_line"] in view["selected"]["lines"]
    assert finding["finding_id"] in {f["finding_id"] for f in view["findings"]}


def test_figures_shown_with_a_source_link_to_their_page_with_the_figure_selected(client: TestClient) -> None:
    import html as html_module

    name = SAMPLES[0].stem
    code = client.get(f"/api/v1/articles?document={name}&limit=1").json()["items"][0]["code"]
    pages = {"article": f"/articles/{code}", "audit": f"/audit?document={name}",
             "compare": f"/compare?a={name}&b=rendered"}  # fmt: skip
    for kind, url in pages.items():
        links = [html_module.unescape(h) for h in re.findall(r'class="source" href="([^"]+)"', client.get(url).text)]
        assert links, kind
        for link in links[:5]:
            view = client.get(link)
            assert view.status_code == 200, (kind, link)
            if kind == "audit":
                assert 'class="selected"' in view.text
            else:
                assert re.search(r'class="figure(-box)? selected"', view.text), (kind, link)


def test_section_search_hits_link_to_their_page(client: TestClient) -> None:
    import html as html_module

    results = client.get("/api/v1/search?q=werk&limit=50").json()["results"]
    section = next(r for r in results if r["kind"] == "section")
    page = client.get("/search?q=werk").text
    links = [html_module.unescape(h) for h in re.findall(r'class="section-hit" href="([^"]+)"', page)]
    assert any(f"/pages/{section['page']}" in link for link in links)
    assert all(client.get(link).status_code == 200 for link in links[:5])


def test_cli_show_prints_the_page_and_draws_the_pdf(client: TestClient, library: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from begroot.cli import app

    runner = CliRunner()
    view = client.get("/api/v1/documents/rendered/pages/4").json()
    figure = view["figures"][0]
    shown = runner.invoke(
        app, ["show", "rendered", "--page", "4", "--line", str(figure["source_line"]), "--db", library]
    )
    assert shown.exit_code == 0, shown.output
    marked = next(row for row in shown.output.splitlines() if row.startswith(">"))
    start, end = figure["span"]
    line_text = next(line["text"] for line in view["lines"] if line["number"] == figure["source_line"])
    assert f"{figure['source_line']} |" in marked and f"[{line_text[start:end]}]" in marked
    target = tmp_path / "page.png"
    drawn = runner.invoke(app, ["show", "rendered", "--page", "4", "--png", str(target), "--db", library])
    assert drawn.exit_code == 0, drawn.output
    assert target.read_bytes().startswith(b"\x89PNG")
    text = runner.invoke(
        app, ["show", SAMPLES[0].stem, "--page", "2", "--png", str(tmp_path / "t.png"), "--db", library]
    )
    assert text.exit_code == 1 and "text document" in text.output and not (tmp_path / "t.png").exists()
    beyond = runner.invoke(app, ["show", "rendered", "--page", str(PDF_PAGES + 1), "--db", library])
    assert beyond.exit_code == 1 and f"has {PDF_PAGES} pages" in beyond.output


def test_page_cache_makes_each_file_once_and_keeps_to_its_limit(tmp_path: Path) -> None:
    import threading
    import time

    from begroot.pageview import PageCache

    cache = PageCache(tmp_path / "cache", limit=10_000)
    made: list[str] = []

    def make() -> bytes:
        made.append("x")
        time.sleep(0.05)  # long enough for every thread to ask while it is being made
        return b"p" * 1000

    threads = [threading.Thread(target=cache.get, args=("doc/page-1.png", make)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == ["x"]
    for number in range(2, 30):  # 29 files of 1000 bytes: only the newest fit in 10,000
        cache.get(f"doc/page-{number}.png", lambda: b"q" * 1000)
    kept = sorted((tmp_path / "cache").rglob("*.png"))
    assert sum(path.stat().st_size for path in kept) <= 10_000
    assert (tmp_path / "cache" / "doc" / "page-29.png") in kept
    assert (tmp_path / "cache" / "doc" / "page-2.png") not in kept


def test_unwritable_cache_still_answers(tmp_path: Path) -> None:
    from begroot.pageview import PageCache

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = PageCache(blocker / "cache")
    assert cache.get("a/b.png", lambda: b"made") == b"made"
    assert cache.get("a/b.png", lambda: b"again") == b"again"  # no cache, no error


def test_document_page_says_what_was_left_out_as_begroot_tables_does(db_url: str, tmp_path: Path) -> None:
    from begroot.parse import parse
    from begroot.parse.debug import trace_tables
    from begroot.sources import load

    path = tmp_path / "with-a-stray-table.txt"
    stray = "\n(duizend euro)\nKwartaal Q1 Q2\nEerste 1 2\n"
    path.write_text(SAMPLES[1].read_text(encoding="utf-8") + stray, encoding="utf-8")
    source = load(path)
    left_out = [trace for trace in trace_tables(source, parse(source)) if not trace.read]
    assert left_out
    with Store(db_url) as store:
        ready = prepare(path, store.engine.dialect.name)
        assert ready.rows is not None
        name = store.ingest_rows(ready.rows).id
    client = TestClient(create_app(db_url), base_url="http://localhost")
    shown = client.get(f"/api/v1/documents/{name}").json()["left_out"]
    for trace in left_out:
        assert any((w["page"], w["line"]) == (trace.page, trace.line) and w["message"] in trace.outcome for w in shown)
    html = client.get(f"/documents/{name}").text
    assert all(f"?line={trace.line}#L{trace.line}" in html for trace in left_out)
