"""Responses with ETags, and errors as JSON {"error": ..., "detail": ...}."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException

from .. import __version__
from ..formula import csv_cell

REASONS = {
    400: "bad request",
    404: "not found",
    405: "method not allowed",
    422: "invalid parameter",
    500: "server error",
}


def etagged(request: Request, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> Response:
    """The body with a strong ETag; 304 without a body when the client already holds it."""
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    all_headers = {"ETag": tag, "Cache-Control": "no-cache", **(headers or {})}
    if etag_matches(request.headers.get("if-none-match", ""), tag):
        return Response(status_code=304, headers=all_headers)
    return Response(body, media_type=media_type, headers=all_headers)


def etag_matches(header: str, tag: str) -> bool:
    """If-None-Match (RFC 9110 13.1.2): `*` matches any current representation; otherwise a
    comma-separated list of entity tags, compared weakly (a `W/` prefix is ignored)."""
    if header.strip() == "*":
        return True
    wanted = tag.removeprefix("W/")
    return any(part.strip().removeprefix("W/") == wanted for part in header.split(","))


def json_reply(request: Request, payload: Any, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    return etagged(request, body, "application/json", headers)


CSV_ROWS_PER_CHUNK = 1000  # rows written to the client at a time


def csv_chunks(rows: list[dict[str, Any]]) -> Iterator[bytes]:
    """Rows as CSV, header first, a chunk of CSV_ROWS_PER_CHUNK rows at a time: the columns of all rows in
    first-seen order; lists and dicts as JSON text. Never the whole text at once (rows, text and bytes
    were three copies of a long table)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for start in range(0, max(len(rows), 1), CSV_ROWS_PER_CHUNK):
        writer.writerows(
            [_cell(row.get(column)) for column in columns] for row in rows[start : start + CSV_ROWS_PER_CHUNK]
        )
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()


def _cell(value: Any) -> Any:
    """A cell as text a spreadsheet shows as text: lists and dicts as JSON, formulas defused (docs/export.md)."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return "" if value is None else csv_cell(value)


def data_etag(request: Request) -> str:
    """A strong ETag for data made from the stored documents alone: their signature (which moves with every
    document added or removed and every verdict given; `app.state.documents`), this begroot's version and
    the URL. Known before anything is read, so a client holding the data gets its 304 at once."""
    key = (request.app.state.documents(), __version__, request.url.path, request.url.query)
    return '"' + hashlib.sha256(repr(key).encode()).hexdigest()[:32] + '"'


def streamed_csv(
    request: Request, chunks: Callable[[], Iterable[bytes]], headers: dict[str, str] | None = None
) -> Response:
    """CSV sent as `chunks()` makes it (not made at all for a 304), with the ETag of `data_etag`."""
    all_headers = {"ETag": data_etag(request), "Cache-Control": "no-cache", **(headers or {})}
    if etag_matches(request.headers.get("if-none-match", ""), all_headers["ETag"]):
        return Response(status_code=304, headers=all_headers)
    return StreamingResponse(iter(chunks()), media_type="text/csv; charset=utf-8", headers=all_headers)


def reply(
    request: Request, payload: Any, fmt: str = "json", rows: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None, name: str = "data",
) -> Response:  # fmt: skip
    """JSON, or with `fmt="csv"` the rows (default: the payload itself, a list) as CSV, streamed: every page's
    data is offered both ways, the Datasette way."""
    if fmt != "csv":
        return json_reply(request, payload, headers)
    disposition = {"Content-Disposition": f'inline; filename="{name}.csv"'}
    table = rows if rows is not None else payload
    return streamed_csv(request, lambda: csv_chunks(table), {**(headers or {}), **disposition})


def error_body(status: int, detail: Any) -> dict[str, Any]:
    return {"error": REASONS.get(status, "error"), "detail": detail}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    headers = _allow_head(dict(error.headers or {}))
    if not _is_api(request) and hasattr(request.app.state, "html_error"):
        response: Response = request.app.state.html_error(request, error.status_code, _text(error.detail))
        response.headers.update(headers)
        return response
    return JSONResponse(error_body(error.status_code, error.detail), status_code=error.status_code, headers=headers)


def _allow_head(headers: dict[str, str]) -> dict[str, str]:
    """A 405's Allow names HEAD as well as GET: HEAD is answered wherever GET is (api/guard.py)."""
    if "Allow" in headers:
        methods = [m.strip() for m in headers["Allow"].split(",") if m.strip()]
        if "GET" in methods and "HEAD" not in methods:
            methods.append("HEAD")
        headers["Allow"] = ", ".join(methods)
    return headers


def _text(detail: Any) -> str:
    if isinstance(detail, list):
        return "; ".join(f"{'.'.join(map(str, d.get('loc', [])))}: {d.get('msg', '')}" for d in detail)
    return str(detail)


async def validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in error.errors()]
    if not _is_api(request) and hasattr(request.app.state, "html_error"):
        message = "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in detail)
        answer: Response = request.app.state.html_error(request, 422, message)
        return answer
    return JSONResponse(error_body(422, detail), status_code=422)
