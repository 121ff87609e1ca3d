"""HTTP details every route shares: HEAD, trusted Host names, no control characters in parameters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The names a local server answers to. Any other Host header is refused (400): a web page on
# another site cannot reach this server through a DNS name it points at 127.0.0.1.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
WILDCARD_INTERFACES = {"0.0.0.0", "::", ""}
# C0 controls and DEL: no name, code or search word holds one; a NUL would cut a pattern short.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def trusted_hosts(extra: Iterable[str] | None = None) -> list[str]:
    """The local names plus the ones given (the host `serve` listens on, --allowed-host ...)."""
    hosts = list(LOCAL_HOSTS)
    for host in extra or ():
        host = host.strip().lower()
        if host and host not in WILDCARD_INTERFACES and host not in hosts:
            hosts.append(f"[{host}]" if ":" in host and not host.startswith("[") else host)
    return hosts


async def refuse_control_characters(request: Request) -> None:
    """422 for a path or query parameter holding a control character (NUL, newline, escape ...)."""
    problems = [
        {"loc": ["query", name], "msg": "control characters are not allowed"}
        for name, value in parse_qsl(request.url.query, keep_blank_values=True)
        if CONTROL.search(name) or CONTROL.search(value)
    ]
    if CONTROL.search(unquote(request.url.path)):
        problems.append({"loc": ["path"], "msg": "control characters are not allowed"})
    if problems:
        raise HTTPException(422, problems)


class HeadAsGet:
    """HEAD wherever GET is allowed: the request runs as GET and the body is dropped, so the
    headers (Content-Length, ETag ...) are those a GET would get."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, without_body)


class OneHost:
    """400 for a request with more than one Host header: which one a check reads and which one a proxy or
    the application uses could differ (a trusted first one would let an untrusted second one through)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and sum(name == b"host" for name, _ in scope["headers"]) > 1:
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})  # fmt: skip
            await send({"type": "http.response.body", "body": b"Invalid host header"})
            return
        await self.app(scope, receive, send)
