"""`begroot show DOCUMENT --page N [--line L] [--png FILE]`: a stored document's page, as its lines
(the line asked for marked) or drawn with every figure read from it boxed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..errors import BegrootError
from . import app
from .common import out, output_file, replacing
from .store import DB_OPTION

if TYPE_CHECKING:
    from ..pageview import PageText


@app.command()
def show(
    document: str = typer.Argument(..., help="Document id, sha256 (or its first 8+ characters), or file name."),
    page: int = typer.Option(..., "--page", "-p", help="The page (1-based, as the pages of the dashboard)."),
    line: int | None = typer.Option(None, "--line", "-l", help="Mark this line (its number in the document)."),
    png: Path | None = typer.Option(None, "--png", help="Write the page (PDF only) as PNG with the figures boxed."),
    db: str | None = DB_OPTION,
) -> None:
    """Print a stored document's page line by line (figures read from it in brackets), or draw it."""
    from ..pageview import page_lines, read_pages
    from ..store import Store, documents
    from ..store.originals import read_original
    from .export import _one_document

    if png is not None:
        png = output_file(png, "--png")
    with Store(db) as store, store.engine.connect() as connection:
        name = _one_document(store, document)
        doc = documents.document(connection, name)
        kept = read_original(connection, name)
        assert doc is not None
        if kept is None:
            raise BegrootError(name, "its original file was not kept (ingested by an older begroot); ingest it again")
        if not 1 <= page <= doc["page_count"]:
            raise BegrootError(name, f"has {doc['page_count']} pages, not page {page}")
        if png is not None and doc["format"] != "pdf":
            raise BegrootError(name, "is a text document: --png draws PDF pages only (leave it out to print the lines)")
        text = next(p for p in read_pages(doc["file_name"] or name, kept[1]) if p.number == page)
        lines = page_lines(text, documents.page_facts(connection, name, page), [])
    if png is None:
        _print(lines, line)
        return
    _draw(kept[1], text, lines, line, png)
    out().print(f"wrote {png}", markup=False)


def _print(lines: list[dict[str, Any]], chosen: int | None) -> None:
    if chosen is not None and not any(entry["number"] == chosen for entry in lines):
        raise BegrootError(f"line {chosen}", "is not on this page")
    width = len(str(max((entry["number"] for entry in lines), default=0)))
    console = out()
    for entry in lines:
        text, cursor, parts = entry["text"], 0, []
        for figure in sorted((f for f in entry["figures"] if f["span"]), key=lambda f: f["span"][0]):
            start, end = figure["span"]
            if start >= cursor:
                parts.append(f"{text[cursor:start]}[{text[start:end]}]")
                cursor = end
        parts.append(text[cursor:])
        mark = ">" if entry["number"] == chosen else " "
        console.print(
            f"{mark} {entry['number']:>{width}} | {''.join(parts)}", markup=False, highlight=False, soft_wrap=True
        )


def _draw(data: bytes, text: PageText, lines: list[dict[str, Any]], chosen: int | None, path: Path) -> None:
    """The page rendered, each figure's box drawn, the chosen line shaded."""
    import io

    from PIL import Image, ImageDraw

    from ..pageview import SCALE, render_page

    image = Image.open(io.BytesIO(render_page(data, text.number, SCALE))).convert("RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = image.size

    def pixels(box: dict[str, float]) -> tuple[float, float, float, float]:
        left, top = box["left"] * width / 100, box["top"] * height / 100
        return left, top, left + box["width"] * width / 100, top + box["height"] * height / 100

    for entry in lines:
        if entry["number"] == chosen and entry["box"]:
            draw.rectangle(pixels(entry["box"]), fill=(255, 159, 26, 70))
        for figure in entry["figures"]:
            if figure["box"]:
                draw.rectangle(pixels(figure["box"]), outline=(11, 87, 164, 255), width=3)
    with replacing(path) as temporary:
        image.save(temporary, format="PNG")
