"""Audit speed on the samples, rule by rule, against extraction of the same documents in the same run.

Run: .venv/bin/python bench/bench_audit.py
Prints seconds per rule and the ratio to extraction (parse alone). The prose check (prose-check,
the sentences of the explanations against the article tables) dominated the audit; it was
measured before and after its rewrite with this script (figures in docs/audit.md).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from begroot.audit import audit_document
from begroot.audit.findings import document_rules
from begroot.parse import parse
from begroot.sources import load

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def timed(function: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        re.purge()  # every run compiles its patterns afresh, as a new worker process would
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    sources = [load(path) for path in SAMPLES]
    documents = [parse(source) for source in sources]
    pairs = list(zip(documents, sources, strict=True))
    extraction = timed(lambda: [parse(source) for source in sources])
    print(f"samples: {', '.join(p.name for p in SAMPLES)}")
    print(f"{'step':<24} {'seconds':>8} {'x extraction':>13}")
    print(f"{'extraction (baseline)':<24} {extraction:>8.4f} {1:>13.2f}")
    for registered in document_rules():

        def run(registered=registered) -> None:  # type: ignore[no-untyped-def]
            for doc, source in pairs:
                args = (doc, source) if registered.needs_source else (doc,)
                list(registered.function(*args))

        seconds = timed(run)
        print(f"{registered.id:<24} {seconds:>8.4f} {seconds / extraction:>13.2f}")
    whole = timed(lambda: [audit_document(doc, source) for doc, source in pairs])
    print(f"{'whole audit':<24} {whole:>8.4f} {whole / extraction:>13.2f}")


if __name__ == "__main__":
    main()
