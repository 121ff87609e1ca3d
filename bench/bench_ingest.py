"""`begroot ingest` at archive scale: generated corpora of 10, 100 and 500 documents, SQLite and PostgreSQL.

Run: .venv/bin/python bench/bench_ingest.py [--sizes 10 100 500] [--jobs N] [--postgres URL] [--before SRC]
(PostgreSQL: --postgres or $BEGROOT_TEST_POSTGRES_URL; each run gets a schema of its own, dropped after.)

Each corpus is ingested by a whole `begroot ingest FOLDER --jobs N` process into a new database.
Printed per run: documents, pages, seconds, pages/s, seconds per document, the peak RSS of the
main process and of the largest worker, and the ratio to extraction alone: the seconds per
document of `begroot.extract` on one core, measured in this process on the first documents of
the corpus just before that ingest (the best of three: on a shared machine a single timing of a
second is at the mercy of the neighbours). Targets: >= 1,500 pages/s on 2 cores into SQLite, or
at most 1.15x extraction alone; seconds per document about constant from 10 to 500 documents
(linear), peak RSS under 500 MB.

`--before SRC`: the `src` folder of another begroot (the code before a change, e.g. from
`git archive main | tar -x -C /tmp/before`): its ingest runs too, on the same corpus, alternating
with this one's, so that both are measured under the same load. `--repeat N`: each run N times
(alternating), and a last table with the median of each: on a machine shared with other work,
single runs of a few seconds differ by a third from one minute to the next.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION_SAMPLE = 10  # documents extracted on one core for the baseline

# --------------------------------------------------------------------------- the corpus
# Generated BBTs (begroot.testing): every domain, stage (BO, BA, BU), year and converter style, and
# slide decks, each distinct content whose figures add up; a `<name>.facts.csv` beside each (not ingested).


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """`count` distinct generated documents in `folder`."""
    from begroot.testing.corpus import write_corpus as generate_corpus

    return generate_corpus(folder, count, seed)


# --------------------------------------------------------------------------- measuring

# Runs the CLI in this child process and reports the peak RSS of itself and of its largest worker.
RUNNER = """
import json, resource, sys
from begroot.cli import main
sys.argv = ["begroot", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code or 0
else:
    code = 0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "main_kb": own, "worker_kb": workers}), file=sys.stderr)
"""


def ingest(folder: Path, url: str, jobs: int, source: Path | None = None) -> tuple[float, float, dict[str, int]]:
    """Seconds, CPU seconds (the process and its workers, user and system) and peak RSS of `begroot ingest`
    (`source`: the src folder of the begroot to run, else this one)."""
    environment = os.environ | {"PYTHONPATH": str(source)} if source else None
    before = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, "ingest", str(folder), "--db", url, "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        env=environment,
    )
    seconds = time.perf_counter() - start
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report["code"] != 0:
        raise SystemExit(f"ingest failed:\n{done.stderr}")
    return seconds, cpu_of_children() - before, report


def cpu_of_children() -> float:
    """CPU seconds of the processes this one started and waited for (workers count once their parent waited)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def extraction_seconds_per_document(paths: list[Path]) -> tuple[float, float]:
    """(seconds, CPU seconds) per document of extraction alone, on one core, in this process: the best of three."""
    from begroot.parse import extract

    extract(paths[0])  # imports and first-use caches out of the way
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        for path in paths:
            extract(path)
        best, best_cpu = min(best, time.perf_counter() - start), min(best_cpu, time.process_time() - start_cpu)
    return best / len(paths), best_cpu / len(paths)


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.schema.CreateSchema(schema))
    try:
        yield (
            sa.engine.make_url(base)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as connection:
            connection.execute(sa.schema.DropSchema(schema, cascade=True))
        admin.dispose()


@contextmanager
def database(backend: str, postgres: str | None, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:8]}.sqlite"
        yield f"sqlite:///{path}"
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink()
    else:
        assert postgres is not None
        with postgres_schema(postgres) as url:
            yield url


def pages_in(paths: list[Path]) -> int:
    from begroot.sources import load

    return sum(len(load(path).pages) for path in paths)


class Run(NamedTuple):
    """One ingest, per document: seconds, CPU seconds (all its processes); extraction's, measured just before."""

    wall: float
    cpu: float
    extraction: float
    extraction_cpu: float


def line(code: str, backend: str, size: int, pages: int, run: Run,
         ratios: list[float] | None = None, cpu_ratios: list[float] | None = None) -> str:  # fmt: skip
    """A row of the table (`ratios`: of several runs, whose median is shown rather than that of the medians)."""
    ratio = statistics.median(ratios) if ratios else run.wall / run.extraction
    cpu_ratio = statistics.median(cpu_ratios) if cpu_ratios else run.cpu / run.extraction_cpu
    return (f"{code:<7} {backend:<10} {size:>5} {pages:>6} {run.wall * size:>8.2f} {pages / run.wall / size:>8.0f} "
            f"{run.wall:>7.3f} {run.extraction:>8.3f} {ratio:>6.2f} {run.cpu:>7.3f} {cpu_ratio:>6.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--postgres", default=os.environ.get("BEGROOT_TEST_POSTGRES_URL"))
    parser.add_argument("--before", type=Path, help="src folder of the begroot to compare with (run alternately)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, alternating; medians at the end")
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    codes: list[tuple[str, Path | None]] = [("this", None)] + (
        [("before", args.before.resolve())] if args.before else []
    )
    work = Path(tempfile.mkdtemp(prefix="begroot-bench-ingest-"))
    try:
        corpus = write_corpus(work / "corpus", max(args.sizes))
        print(f"jobs: {args.jobs}; x extr: ingest's s/doc over extraction's (extr s: alone, 1 core, just before);")
        print("cpu/doc: CPU seconds of all the ingest's processes per document; x cpu: over extraction's CPU seconds")
        print(
            "(x cpu / jobs is what x extr comes to with the cores free: on a shared machine, x extr measures the load)"
        )
        if not args.postgres:
            print("PostgreSQL: not measured (no --postgres URL and no $BEGROOT_TEST_POSTGRES_URL)")
        runs: dict[tuple[str, str, int, int], list[tuple[float, float]]] = {}
        header = f"{'code':<7} {'backend':<10} {'docs':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'s/doc':>7} "
        print(header + f"{'extr s':>8} {'x extr':>6} {'cpu/doc':>7} {'x cpu':>6} {'main MB':>8} {'worker MB':>10}")
        for size in args.sizes:
            folder = work / f"corpus-{size}"
            folder.mkdir()
            for path in corpus[:size]:
                (folder / path.name).symlink_to(path)
            pages = pages_in(corpus[:size])
            for backend in backends:
                for _ in range(args.repeat):
                    for code, source in codes:
                        extraction = extraction_seconds_per_document(corpus[:EXTRACTION_SAMPLE])
                        with database(backend, args.postgres, work) as url:
                            seconds, cpu, peak = ingest(folder, url, args.jobs, source)
                        run = Run(seconds / size, cpu / size, *extraction)
                        runs.setdefault((code, backend, size, pages), []).append(run)
                        memory = f"{peak['main_kb'] / 1024:>8.0f} {peak['worker_kb'] / 1024:>10.0f}"
                        print(f"{line(code, backend, size, pages, run)} {memory}", flush=True)
        if args.repeat > 1:
            print(f"medians of {args.repeat} runs (each column the median of its own)")
            for (code, backend, size, pages), found in runs.items():
                median = Run(*(statistics.median(getattr(r, name) for r in found) for name in Run._fields))
                print(line(code, backend, size, pages, median, [r.wall / r.extraction for r in found],
                           [r.cpu / r.extraction_cpu for r in found]))  # fmt: skip
        print("targets: SQLite >= 1500 pages/s on 2 cores or <= 1.15x extraction; s/doc about constant; RSS < 500 MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
