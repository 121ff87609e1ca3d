"""A response cache in front of the application: the data only changes when documents do.

GET responses with status 200 are kept per (path, query, language cookie) until the set of
stored documents changes. That set is looked up at most once per `check_every` seconds, so a
newly ingested document shows within that time. Hits skip routing and the database entirely,
which is what keeps the latency low under many concurrent clients. If-None-Match is answered
here too (304). Responses that set cookies are not cached.

`Counts` keeps the totals of the paginated lists by the same rule: the pages of one filter, at any
offset, are different requests to the response cache but count the same rows.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from http.cookies import SimpleCookie

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .responses import etag_matches

MAX_ENTRIES = 2048
MAX_BODY = 32_000_000  # one response; larger ones (a whole fact table as CSV) are made each time
MAX_BYTES = 256_000_000  # all responses together; the least recently used go first


@dataclass
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None


class ResponseCache:
    def __init__(self, app: ASGIApp, version: Callable[[], object], check_every: float = 1.0):
        self.app = app
        self.version = version
        self.check_every = check_every
        self.entries: OrderedDict[tuple[str, bytes, str], Entry] = OrderedDict()
        self._version: object = None
        self.pending: dict[tuple[str, bytes, str], anyio.Event] = {}
        self.size = 0  # bytes of the bodies kept
        self._checked = 0.0
        self._checker: anyio.CapacityLimiter | None = None  # a thread of its own, see _current

    async def _current(self) -> None:
        """Drop everything when the documents changed (checked at most every `check_every` seconds).

        The look-up runs in a worker thread: blocking the event loop on the database could stall
        the very responses whose connections it waits for. Not one of the routes' threads (few, see
        app.py): the request that makes the check would wait behind all the queued misses.
        """
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return
        self._checked = now
        self._checker = self._checker or anyio.CapacityLimiter(1)
        version = await anyio.to_thread.run_sync(self.version, limiter=self._checker)
        if version != self._version:
            self._version = version
            self.entries.clear()
            self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or _private(scope):
            await self.app(scope, receive, send)
            return
        await self._current()
        key = (scope["path"], scope.get("query_string", b""), _lang_cookie(scope))
        headers = dict(scope.get("headers", []))
        entry = self.entries.get(key)
        if entry is None and key in self.pending:
            await self.pending[key].wait()  # the same response is being made: wait for it, don't redo it
            entry = self.entries.get(key)
        if entry is None:
            event = self.pending.setdefault(key, anyio.Event())
            try:
                await self._fill(key, scope, receive, send)
            finally:
                event.set()
                self.pending.pop(key, None)
            return
        self.entries.move_to_end(key)
        if entry.etag and etag_matches(headers.get(b"if-none-match", b"").decode("latin-1"), entry.etag.decode()):
            kept = [(k, v) for k, v in entry.headers if k not in {b"content-length", b"content-type"}]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(self, key: tuple[str, bytes, str], scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            # A streamed body too large to cache is passed on without being kept: holding its chunks
            # until the end would cost the whole body in memory, which streaming is there to avoid.
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= MAX_BODY:
                body = message.get("body", b"")
                size += len(body)
                chunks.append(body)
                if size > MAX_BODY:
                    chunks.clear()
                elif not message.get("more_body") and _cacheable(start, chunks):
                    self._store(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: tuple[str, bytes, str], start: Message, body: bytes) -> None:
        headers = list(start.get("headers", []))
        etag = next((v for k, v in headers if k == b"etag"), None)
        self.entries[key] = Entry(headers, body, etag)
        self.size += len(body)
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_BYTES:
            self.size -= len(self.entries.popitem(last=False)[1].body)


def _cacheable(start: Message, chunks: list[bytes]) -> bool:
    headers = {k for k, _ in start.get("headers", [])}
    return start.get("status") == 200 and b"set-cookie" not in headers and sum(map(len, chunks)) <= MAX_BODY


REVIEW_COOKIE = "begroot_review"  # a reviewer's pages hold their own forms (web/review.py): never cached


def _private(scope: Scope) -> bool:
    return any(name == b"cookie" and REVIEW_COOKIE.encode() in value for name, value in scope.get("headers", []))


def _lang_cookie(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            morsel = SimpleCookie(value.decode("latin-1")).get("lang")
            return morsel.value if morsel else ""
    return ""


class DocumentSet:
    """The set of stored documents as the response cache last looked it up (its `version`), with a
    generation number that moves when the set changes, for the other caches that depend on it."""

    def __init__(self, signature: Callable[[], object]):
        self.signature = signature
        self.generation = 0
        self._seen: object = None

    def __call__(self) -> object:
        seen = self.signature()
        if seen != self._seen:
            self._seen = seen
            self.generation += 1
        return seen


class Counts:
    """Totals of the paginated lists (/facts, /articles) by filter, dropped when the documents change.

    Paging through a filter counted all its rows again for each page: on 28,000 facts that was half
    of the request. Like the cached responses, a total may lag a change of the documents by at most
    the response cache's `check_every`. The routes call it from their threads, hence the lock.
    """

    def __init__(self, documents: DocumentSet, size: int = 4096):
        self.documents = documents
        self.size = size
        self.entries: OrderedDict[Hashable, int] = OrderedDict()
        self.generation = documents.generation
        self.lock = threading.Lock()

    def get(self, key: Hashable, count: Callable[[], int]) -> int:
        generation = self.documents.generation
        with self.lock:
            if generation != self.generation:
                self.entries.clear()
                self.generation = generation
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found
        total = count()  # outside the lock: a count may take a while, other counts need not wait
        with self.lock:
            if generation == self.generation:
                self.entries[key] = total
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
        return total
