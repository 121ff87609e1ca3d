"""First search on a large database: a fresh process, a new connection, the words never asked before.

Run: .venv/bin/python bench/bench_search.py --db URL           # e.g. the database bench_api uses
     .venv/bin/python bench/bench_search.py --corpus 500       # builds one (bench_ingest's corpus) first

Each query runs in a new Python process that opens the database and searches once (nothing cached
in memory: the index lives in the database); the baseline is `SELECT 1` the same way. Printed: the
milliseconds of the search itself and its ratio to the baseline. Target: the first search on a
500-document database < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["opleiding", "financiele opleiding", "werk", "activering van werkzoekenden", "nergensvoorkomendwoord"]

PROBE = """
import json, sys, time
from sqlalchemy import text
from begroot.store.engine import make_engine
from begroot.store.search import search
engine = make_engine(sys.argv[1])
with engine.connect() as connection:
    start = time.perf_counter()
    if sys.argv[2] == "":
        connection.execute(text("SELECT 1")).all()
        found = 0
    else:
        found = len(search(connection, sys.argv[2], 50))
    print(json.dumps({"ms": (time.perf_counter() - start) * 1000, "found": found}))
"""


def first_search(url: str, query: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", PROBE, url, query], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def build(folder: Path, count: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_ingest import write_corpus

    write_corpus(folder / "corpus", count)
    url = f"sqlite:///{folder / 'search.sqlite'}"
    subprocess.run([sys.executable, "-m", "begroot", "ingest", str(folder / "corpus"), "--db", url], check=True)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL")
    parser.add_argument("--corpus", type=int, default=500, help="without --db: documents to generate and ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or build(Path(folder), args.corpus)
        baseline = first_search(url, "")["ms"]
        print(f"{'query':<30} {'results':>7} {'ms':>8} {'x SELECT 1':>11}")
        print(f"{'SELECT 1 (baseline)':<30} {'':>7} {baseline:>8.1f} {1:>11.1f}")
        for query in QUERIES:
            result = first_search(url, query)
            print(f"{query:<30} {result['found']:>7.0f} {result['ms']:>8.1f} {result['ms'] / baseline:>11.1f}")
        print("target: first search on a 500-document database < 200 ms")


if __name__ == "__main__":
    main()
