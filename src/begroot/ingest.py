"""Ingest many documents: read, parse and audit them in worker processes, store them in this one.

Reading and auditing a document is CPU work independent of every other document, so it runs in
a pool of processes (`jobs`, default: one per core). Storing stays in the calling process, one
transaction per document in the order given, as `Store.ingest` always did: the database sees
the same writes as a serial ingest, and a failing document still leaves it as it was.

A few documents per worker wait to be stored, and never more than a bounded size of files (one per
worker whatever its size), so memory stays bounded however many and however large the files are
(workers pause when the store falls behind).
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BegrootError, internal_error_text
from .store.rows import DocumentRows

if TYPE_CHECKING:  # the audit loads in the workers when they read, not at import
    from .audit import Finding
    from .store.rows import FindingValues

# Documents being read or waiting to be stored, per worker: enough that the workers go on while the store
# waits on the disk (a checkpoint copies the log back and syncs, a few tenths of a second): at 500 documents
# (bench/bench_ingest.py) four were 2.4% faster than two, and eight 3-4% faster than four ...
IN_FLIGHT_PER_JOB = 8
# ... and at most this much of files among them (a worker always has one): a document's rows are a few times its
# size, and a folder of huge files must not hold them all at once.
IN_FLIGHT_BYTES = 48 * 1024 * 1024


@dataclass
class Prepared:
    """A file read, parsed and audited and turned into rows (in a worker), or the one-line reason it
    could not be. Rows rather than the document model: they are what the store needs, and making
    them (and the stemmed words of the search index) is work the workers can share."""

    path: Path
    rows: DocumentRows | None = None
    error: str | None = None
    # A bug rather than bad input: `error` says so, and `trace` is the traceback (BEGROOT_DEBUG=1 prints it).
    internal: bool = False
    trace: str | None = None


def prepare(path: Path, dialect: str = "sqlite", lazy: bool = False) -> Prepared:
    """Read, parse and audit one file; any failure becomes its error message (one bad file must not
    stop the others, and exceptions need not survive the trip back from a worker).

    The rows carry the search words of the `dialect` the store will write. `lazy`: the rows are
    made as the store writes them (in this process: the model and all its rows are then never
    in memory together); otherwise all at once, to be sent back from a worker.
    """
    from .audit import iter_findings
    from .parse import parse
    from .sources import load_bytes, read_capped
    from .store.rows import document_rows, kept_original

    try:
        data = read_capped(str(path), path)  # read once: the bytes parsed are the bytes kept
        source = load_bytes(str(path), data)
        original = kept_original(data, source.format)
        del data  # kept compressed from here on: the raw bytes would live through the parse and the audit
        document = parse(source)
        found = iter_findings(document, source)
        del source  # the audit lets go of the pages after the rules that read them
        findings = plain_findings(found)
        rows = document_rows(document, findings, dialect, original=original)
        if not lazy:
            rows = rows.materialised()
    except BegrootError as error:  # bad input: the file's fault, said in begroot's words
        return Prepared(path, error=str(error))
    except Exception as error:  # anything else is a bug in begroot, never "a bad file"
        trace = traceback.format_exc()
        return Prepared(path, error=f"{path}: {internal_error_text(error)}", internal=True, trace=trace)
    return Prepared(path, rows)


def plain_findings(found: Iterable[Finding]) -> list[FindingValues]:
    """The findings as the store's compact rows (`finding_values`), in the audit's order (`sort_findings`),
    each encoded as the audit yields it: a long document has tens of thousands, and holding them all as
    objects, or objects and rows at once, was the ingest's peak of memory."""
    from .audit import finding_order
    from .store.rows import finding_values

    keyed = [(finding_order(finding), finding_values(vars(finding))) for finding in found]
    keyed.sort(key=itemgetter(0))  # stable: findings in the same place keep the rules' order, as sort_findings
    return [values for _, values in keyed]


PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent dies


def start_worker(parent: int) -> None:
    """A worker's start: it ends with the ingest (`die_with_parent`) and collects cycles less often."""
    gc.set_threshold(WORKER_YOUNG_OBJECTS, *gc.get_threshold()[1:])
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Worker start: the worker ends when the ingest that started it dies, even by `kill -9` (which runs no
    clean-up in the parent): Linux sends it SIGKILL (prctl), and elsewhere, or should that be missed, a
    thread that sees the parent gone ends it."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):  # no prctl here: the watcher below is enough
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="begroot-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


YOUNG_OBJECTS = 50_000  # allocations between two collections of the youngest generation (Python: 700)
# A worker holds one document at a time and does nothing else: there, collections four times rarer again save
# 3% of its CPU (bench: `prepare` 37.4 -> 36.0 ms a document). The ingest's own process keeps the lower
# threshold: a lone huge file is read there, as the memory benchmark measures.
WORKER_YOUNG_OBJECTS = 200_000

# The store's page cache (SQLite) while the workers read: storing an archive, the conflicts join and the indexes
# on random keys (a fact's subject, a finding's id) read back pages that SQLite's 2 MB cache has let go, so each
# document costs 10-20% more CPU to store (bench: 500 documents, the storing process 8.2 -> 7.4 CPU seconds). A
# lone file is read in the ingest's own process, whose memory goes to the document: there SQLite's default stays.
STORE_CACHE_MB = 16


@contextmanager
def few_collections() -> Iterator[None]:
    """Fewer, cheaper garbage collections while documents are read and stored.

    A document's model is a hundred thousand objects that live until it is stored, and almost none
    of them is in a reference cycle, so reference counting frees them. With Python's defaults the
    cycle collector runs every 700 allocations and, every hundred runs, walks every object of the
    program (the imported libraries too): a tenth of the ingest's CPU. Here the objects alive
    before the ingest (the loaded modules) are set aside (`gc.freeze`, which also spares forked
    workers copying their pages) and the youngest generation is collected less often.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def prepared(paths: Iterable[Path], jobs: int | None = None, dialect: str = "sqlite") -> Iterator[Prepared]:
    """Each path prepared, in the order given; `jobs` worker processes (1: in this process, the
    rows made as they are stored)."""
    with Preparing(paths, jobs, dialect) as documents:
        yield from documents


def file_size(path: Path) -> int:
    """The file's size (0 if it cannot be read: `prepare` says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Preparing:
    """Files being prepared, in the order given, from the moment this is made: with `jobs` > 1 the workers
    start on the first files at once, so they read while the caller opens (and perhaps migrates) the
    database. Iterate to take them in order; leaving the `with` stops the workers (files not begun are not)."""

    def __init__(self, paths: Iterable[Path], jobs: int | None = None, dialect: str = "sqlite"):
        self.paths = list(paths)
        self.jobs = min(jobs or default_jobs(), len(self.paths))
        self.dialect = dialect
        self.stack = ExitStack()
        self.waiting: deque[tuple[Future[Prepared], int]] = deque()  # with the size of its file
        self.pending = deque(self.paths)
        self.pool: ProcessPoolExecutor | None = None
        self.stack.enter_context(few_collections())
        if self.jobs > 1:
            try:
                self._start()
            except BaseException:
                self.stack.close()
                raise

    @property
    def store_cache_mb(self) -> int | None:
        """The page cache the store should have while these files are stored (`STORE_CACHE_MB`), None: its
        default."""
        return STORE_CACHE_MB if self.pool is not None else None

    def _start(self) -> None:
        from . import audit, parse  # noqa: F401  (loaded once here: forked workers start with them)

        self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=start_worker, initargs=(os.getpid(),))
        self.stack.callback(self.pool.shutdown, wait=True, cancel_futures=True)
        self._submit()

    def _submit(self) -> None:
        """Hand the workers the next files while there is room (`IN_FLIGHT_PER_JOB`, `IN_FLIGHT_BYTES`)."""
        assert self.pool is not None
        while self.pending and len(self.waiting) < self.jobs * IN_FLIGHT_PER_JOB:
            size = file_size(self.pending[0])
            if len(self.waiting) >= self.jobs and sum(held for _, held in self.waiting) + size > IN_FLIGHT_BYTES:
                return
            self.waiting.append((self.pool.submit(prepare, self.pending.popleft(), self.dialect), size))

    def __iter__(self) -> Iterator[Prepared]:
        if self.pool is None:
            while self.pending:
                yield prepare(self.pending.popleft(), self.dialect, lazy=True)
            return
        while self.waiting:
            done = self.waiting.popleft()[0].result()
            self._submit()
            yield done

    def __enter__(self) -> Preparing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stack.close()
