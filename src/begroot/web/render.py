"""Rendering a page: the templates and their filters, the page's language, and the helpers every page passes
(`render`), shared by the page modules (routes, documents, years, bridge) so none imports another."""

from __future__ import annotations

import re
from functools import cache, partial
from importlib import resources
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..colours import COLOURS
from ..phrases import translate
from ..store import overview
from ..store.schema import documents_t
from . import glossary, i18n

WEB = resources.files("begroot.web")
templates = Jinja2Templates(directory=str(WEB / "templates"))
LANG_COOKIE = "lang"


def page_language(context: Context) -> str:
    """The language a template renders in (`render` puts it in every page's context)."""
    return str(context.get("lang") or i18n.DEFAULT)


@pass_context
def document_label(context: Context, document: Any) -> str:
    """THE way a document is named on a page: its title where it has one, else its name.

    Takes a row (with `title`/`name`) or a bare name, looked up in the page's `titles`."""
    if isinstance(document, dict):
        return overview.label(document)
    return str(context.get("titles", {}).get(document) or document or "")


def with_format(url: str, fmt: str) -> str:
    """The API URL of a page's data, in JSON or CSV (`format=csv`)."""
    if fmt == "json":
        return url
    return f"{url}{'&' if '?' in url else '?'}format={fmt}"


@pass_context
def finding_message(context: Context, finding: Any) -> str:
    """A finding's message in the page's language (audit/messages.py)."""
    from ..audit.messages import message

    return message(finding, page_language(context))


@pass_context
def glossary_term(context: Context, text: Any) -> Markup:
    """A header cell's text explained and linked to the glossary where it is a term (`web/glossary.py`)."""
    return glossary.term(text, page_language(context))


@pass_context
def reader_words(context: Context, text: Any) -> str:
    """A reader's warning in the page's language (`phrases.py`: the English it was stored in is the key)."""
    return translate(str(text or ""), page_language(context))


templates.env.filters["doc_label"] = document_label
templates.env.filters["reader_words"] = reader_words
templates.env.filters["term"] = glossary_term
templates.env.filters["as_format"] = with_format
templates.env.filters["finding_message"] = finding_message


Lang = Annotated[str | None, Query(pattern=r"^(nl|en)$")]


def language(request: Request, lang: str | None) -> str:
    return (
        lang
        or (request.cookies.get(LANG_COOKIE) if request.cookies.get(LANG_COOKIE) in i18n.LANGUAGES else None)
        or i18n.DEFAULT
    )


def titles(db: Connection) -> dict[str, str]:
    """Document name -> title, for the documents that have one (see `document_label`)."""
    query = select(documents_t.c.name, documents_t.c.title).where(documents_t.c.title != "")
    return {row.name: row.title for row in db.execute(query)}


def render(request: Request, name: str, lang: str | None, status: int = 200, **context: Any) -> HTMLResponse:
    chosen = language(request, lang)
    helpers = {
        "lang": chosen,
        "t": partial(i18n.translate, chosen),
        "num": partial(i18n.number, lang=chosen),
        "pct": partial(i18n.percent, lang=chosen),
        "counted": partial(i18n.counted, lang=chosen),  # the plural right: `1 resultaat`
        "path": request.url.path,
        "plotly_style_ids": plotly_style_ids(),
        "colours": COLOURS,
    }
    from .review import review_context

    helpers |= review_context(request)  # the review forms, for a logged-in reviewer (serve --review-token-file)
    response = templates.TemplateResponse(request, name, helpers | context, status_code=status)
    if lang:  # an explicit choice is remembered
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def html_error(request: Request, status: int, detail: str) -> Response:
    return render(request, "error.html", None, status=status, status_code=status, detail=detail)


@cache
def plotly_bundle() -> bytes:
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()


@cache
def plotly_style_ids() -> list[str]:
    """Ids of the <style> elements the plotly bundle injects unless they exist (e.g. its maplibre CSS).

    Read from the installed bundle so a plotly upgrade does not bring CSP violations back.
    """
    found = re.findall(rb'getElementById\("([0-9a-f]{64})"\)', plotly_bundle())
    return sorted({match.decode() for match in found})
