"""Database speed: ingest time against parse time, and query time on ~1,000,000 facts.

1. Parses both samples and ingests them into a fresh SQLite file (median of --repeat runs),
   printing ingest time next to parse time.
2. Synthesises documents in memory (dataclasses.replace, no text files) from the parsed
   samples until the database holds --facts facts. Copy k plays domain k % DOMAINS (its
   subjects are prefixed "Dnn.", so programs do not collide across domains) in year shift
   k // DOMAINS, with other values and its own name and sha256 -- roughly the shape of
   many domains over many years.
3. Times Dataset.timeline(subject) and Dataset.facts(subject=..., year=...) (median of 20)
   against a trivial `SELECT 1` through the same path. Target: < 50 ms per query.

    .venv/bin/python bench/bench_store.py [--facts 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from begroot.dataset import Dataset
from begroot.model import Document
from begroot.parse import extract
from begroot.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
DOMAINS = 40


def median_ms(action: Callable[[], Any], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_ingest(folder: Path, repeat: int) -> list[Document]:
    parse_ms = median_ms(lambda: [extract(p) for p in SAMPLES], repeat)
    documents = [extract(p) for p in SAMPLES]
    runs = []
    for run in range(repeat):
        with Store(f"sqlite:///{folder / f'ingest{run}.sqlite'}") as store:
            start = time.perf_counter()
            for document in documents:
                store.ingest(document)
            runs.append((time.perf_counter() - start) * 1000)
    ingest_ms = statistics.median(runs)
    facts = sum(len(d.facts) for d in documents)
    print(f"parse  both samples ({facts} facts): {parse_ms:8.1f} ms")
    print(f"ingest both samples ({facts} facts): {ingest_ms:8.1f} ms  ({ingest_ms / parse_ms:.2f}x parse)")
    return documents


def synthetic_copy(document: Document, k: int) -> Document:
    """Another domain's document for other years: same shape, new subjects, years, values, name and sha256."""
    domain, shift = k % DOMAINS, k // DOMAINS + 1
    prefix = f"D{domain:02d}."
    name = f"{document.name}-synthetic-{k}"

    def fact(f: Any) -> Any:
        return dataclasses.replace(
            f, document=name, subject=prefix + f.subject, year=f.year + shift, value=f.value + k % 997
        )

    tables = [
        dataclasses.replace(t, subject=prefix + t.subject, facts=[fact(f) for f in t.facts]) for t in document.tables
    ]
    return dataclasses.replace(
        document,
        name=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        year=document.year + shift,
        domain=f"Synthetic domain {domain}",
        tables=tables,
    )


def copies(documents: list[Document], target: int) -> Iterator[Document]:
    total, k = 0, 0
    while total < target:
        for document in documents:
            yield synthetic_copy(document, k)
            total += len(document.facts)
        k += 1


def bench_queries(folder: Path, documents: list[Document], target: int, keep: Path | None = None) -> None:
    url = f"sqlite:///{keep or folder / 'large.sqlite'}"
    store = Store(url)
    start = time.perf_counter()
    count = 0
    for document in copies(documents, target):
        store.ingest(document)
        count += len(document.facts)
    seconds = time.perf_counter() - start
    print(
        f"synthesised {count:,} facts in {seconds:.1f} s ({count / seconds:,.0f} facts/s, one transaction per document)"
    )

    ds = Dataset(store)
    subject = "D07.JD"
    points = ds.timeline(subject)
    year = int(points["year"].iloc[len(points) // 2])  # a year the subject has
    baseline = median_ms(lambda: ds._frame(select(1)), 20)
    timeline = median_ms(lambda: ds.timeline(subject), 20)
    facts = median_ms(lambda: ds.facts(subject=subject, year=year), 20)
    print(f"SELECT 1 baseline:                   {baseline:7.2f} ms")
    for label, ms, rows in (
        (f"timeline({subject!r})", timeline, len(ds.timeline(subject))),
        (f"facts(subject={subject!r}, year={year})", facts, len(ds.facts(subject=subject, year=year))),
    ):
        verdict = "ok" if ms < 50 else "SLOW (target < 50 ms)"
        print(f"{label:36} {ms:7.2f} ms  {ms / baseline:6.1f}x baseline  {rows:5} rows  {verdict}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the large database at this SQLite path (for bench_api.py --db)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="begroot-bench-") as tmp:
        documents = bench_ingest(Path(tmp), args.repeat)
        bench_queries(Path(tmp), documents, args.facts, args.keep)


if __name__ == "__main__":
    main()
