"""A page per document, its pages one by one (the PDF page as an image with every figure read from it
boxed, or the text page's lines), and the original file as ingested."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..api.routes import DOCUMENT, Db, known_document
from ..identity import slug
from ..store.originals import read_original

router = APIRouter(include_in_schema=False)
DocumentRef = Annotated[str, Path(pattern=DOCUMENT)]


@router.get("/documents/{reference}/original")
async def original(request: Request, db: Db, reference: DocumentRef) -> Response:
    """The file as it was ingested, under its own name and content type."""
    found = await run_in_threadpool(_original, db, reference)
    row, data = found
    headers = {"Content-Disposition": attachment(row["file_name"] or row["name"]), "Cache-Control": "no-cache"}
    return Response(data, media_type=row["media_type"], headers=headers)


def _original(db: Db, reference: str) -> tuple[dict[str, Any], bytes]:
    found = read_original(db, known_document(db, reference))
    if found is None:
        raise HTTPException(404, f"the original of {reference!r} was not kept (ingested by an older begroot)")
    return found


def attachment(file_name: str) -> str:
    """Content-Disposition naming the file: an ASCII fallback and the name itself (RFC 6266/5987)."""
    fallback = slug(file_name.rsplit(".", 1)[0]) + ("." + file_name.rsplit(".", 1)[1] if "." in file_name else "")
    if file_name.isascii() and '"' not in file_name and "\\" not in file_name:
        fallback = file_name
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name)}"
