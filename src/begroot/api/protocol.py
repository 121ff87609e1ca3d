"""The HTTP/1.1 protocol `begroot serve` runs: uvicorn's (httptools), reading an absolute-form target as
RFC 9112 3.2.2 says. `GET http://other.example/ HTTP/1.1` names its host in the target, and a server must
use that host and ignore the Host header; uvicorn drops the target's host, so an untrusted name would be
answered under a trusted Host header. Here the target's host becomes the Host header, so the trusted-host
check (api/guard.py, Starlette's TrustedHostMiddleware) sees the name the request really asks for."""

from __future__ import annotations

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class TargetHostProtocol(HttpToolsProtocol):
    def on_headers_complete(self) -> None:
        if self.url[:1] not in (b"/", b"*"):  # absolute-form: scheme://authority/path
            try:
                target = httptools.parse_url(self.url)
            except httptools.HttpParserInvalidURLError:
                target = None
            authority = b"" if target is None or target.host is None else target.host
            if target is not None and target.port:
                authority += b":" + str(target.port).encode("ascii")
            # an unreadable target gets an empty Host: refused as untrusted
            self.headers[:] = [(name, value) for name, value in self.headers if name != b"host"]
            self.headers.append((b"host", authority))
        super().on_headers_complete()
