"""Review in the browser, only when the server was started with `--review-token-file FILE`.

Whoever presents the token in the login form gets a cookie (HttpOnly, SameSite=Strict) naming them,
signed with the token (HMAC-SHA256), valid for `SESSION_HOURS`. Each review form carries a CSRF token
derived from that cookie's signature; a POST without both, or from another origin, is refused (403)
and nothing is written. The verdict is stored like `begroot review` does: who and when. Without a
token the server stays read-only: these routes answer 404.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response

from ..api.cache import REVIEW_COOKIE
from ..errors import BegrootError

SESSION_HOURS = 12
MAX_FORM = 8_000  # bytes of a login or review form
VERDICTS = ("confirmed", "false-positive", "fixed")
FINDING_ID = r"^F[0-9a-f]{12}(-\d+)?$"
router = APIRouter(include_in_schema=False)


def read_token(path: str | FilePath) -> str:
    """The token in FILE (its first line); a missing or empty file is a one-line error."""
    try:
        lines = FilePath(path).read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BegrootError(str(path), f"cannot read the review token ({error.__class__.__name__})") from None
    token = lines[0].strip() if lines else ""
    if len(token) < 16:
        raise BegrootError(str(path), "the review token must be at least 16 characters")
    return token


def _sign(token: str, text: str) -> str:
    return hmac.new(token.encode(), text.encode(), hashlib.sha256).hexdigest()


def session_cookie(token: str, reviewer: str, now: float | None = None) -> str:
    expires = int((now or time.time()) + SESSION_HOURS * 3600)
    name = base64.urlsafe_b64encode(reviewer.encode()).decode()
    return f"{name}.{expires}.{_sign(token, f'{name}.{expires}')}"


def reviewer(request: Request) -> str | None:
    """The reviewer the request's cookie names, when its signature holds and it has not expired."""
    token = getattr(request.app.state, "review_token", None)
    cookie = request.cookies.get(REVIEW_COOKIE, "")
    if not token or cookie.count(".") != 2:
        return None
    name, expires, signature = cookie.split(".")
    if not hmac.compare_digest(signature, _sign(token, f"{name}.{expires}")) or not expires.isdigit():
        return None
    if int(expires) < time.time():
        return None
    try:
        return base64.urlsafe_b64decode(name.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def csrf_token(request: Request) -> str:
    """The token every review form carries: bound to this reviewer's cookie, unknown to other sites."""
    token = request.app.state.review_token
    return _sign(token, "csrf:" + request.cookies.get(REVIEW_COOKIE, ""))


def review_context(request: Request) -> dict[str, Any]:
    """What the pages need to show the review forms (nothing when reviewing is off or no one logged in)."""
    if not getattr(request.app.state, "review_token", None):
        return {"reviewing": False, "reviewer": None}
    who = reviewer(request)
    return {"reviewing": True, "reviewer": who, "csrf": csrf_token(request) if who else ""}


def _enabled(request: Request) -> str:
    token = getattr(request.app.state, "review_token", None)
    if not token:
        raise HTTPException(404, "reviewing is not enabled on this server (begroot serve --review-token-file)")
    return str(token)


def _same_origin(request: Request) -> None:
    """A browser names the page a POST comes from: it must be this server (CSRF, with the token)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "a review must come from this server's own pages")


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM:
        raise HTTPException(413, "form too large")
    return {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}


@router.post("/review/login")
async def login(request: Request) -> Response:
    token = _enabled(request)
    _same_origin(request)
    form = await _form(request)
    who = form.get("by", "").strip()[:80]
    if not hmac.compare_digest(form.get("token", "").encode(), token.encode()) or not who:
        raise HTTPException(403, "wrong review token (or no name given)")
    response = RedirectResponse("/audit", status_code=303)
    response.set_cookie(REVIEW_COOKIE, session_cookie(token, who), max_age=SESSION_HOURS * 3600, httponly=True,
                        samesite="strict", path="/")  # fmt: skip
    return response


@router.post("/review/logout")
async def logout(request: Request) -> Response:
    _enabled(request)
    _same_origin(request)
    response = RedirectResponse("/audit", status_code=303)
    response.delete_cookie(REVIEW_COOKIE, path="/")
    return response


@router.post("/review/{finding_id}")
async def review(request: Request, finding_id: Annotated[str, Path(pattern=FINDING_ID)]) -> Response:
    _enabled(request)
    _same_origin(request)
    who = reviewer(request)
    form = await _form(request)
    if who is None or not hmac.compare_digest(form.get("csrf", ""), csrf_token(request)):
        raise HTTPException(403, "log in with the review token first (and review from this server's pages)")
    verdict, note = form.get("verdict", ""), form.get("note", "").strip()[:2000]
    if verdict not in VERDICTS:
        raise HTTPException(422, f"verdict must be one of {', '.join(VERDICTS)}")
    from ..store import Store
    from ..store.store import UnknownFinding

    try:
        with Store(request.app.state.review_url) as store:
            store.review(finding_id, verdict, note, who)
    except UnknownFinding:
        raise HTTPException(404, f"no finding {finding_id!r}") from None
    return RedirectResponse(f"/audit?verdict={verdict}#finding-{finding_id}", status_code=303)
