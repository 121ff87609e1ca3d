"""Extraction speed of the report sample at 1x, 4x, 16x and 64x its size, against bare decoding in the same run.

Run: .venv/bin/python bench/bench_extract.py [--max-copies 64]
Prints, per size, the baseline (decoding the bytes and splitting them into lines), the source step
(pages, furniture), the whole extraction (source + readers), its ratio to the baseline and the
seconds per copy. Growth must be linear: seconds per copy about constant (the last line prints the
ratio of the largest size's time per copy to the 1x one). Target: extraction of the sample (1x)
under 0.1 s in-process.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from begroot.parse import parse
from begroot.sources import load_bytes

SAMPLE = next((Path(__file__).resolve().parent.parent / "samples").glob("000_*.txt"))


def timed(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-copies", type=int, default=64)
    args = parser.parse_args()
    data = SAMPLE.read_bytes()
    sizes = [c for c in (1, 4, 16, 64, 256) if c <= args.max_copies]
    print(f"{'copies':>6} {'decode s':>9} {'source s':>9} {'extract s':>10} {'ratio':>6} {'s per copy':>10}")
    per_copy: dict[int, float] = {}
    for copies in sizes:
        blob = data * copies
        repeat = 5 if copies <= 4 else 2
        baseline = timed(lambda blob=blob: blob.decode("utf-8").splitlines(), repeat)
        source = timed(lambda blob=blob: load_bytes("bench.txt", blob), repeat)
        total = timed(lambda blob=blob: parse(load_bytes("bench.txt", blob)), repeat)
        per_copy[copies] = total / copies
        print(
            f"{copies:>6} {baseline:>9.4f} {source:>9.4f} {total:>10.4f} {total / baseline:>6.0f} {total / copies:>10.4f}"
        )
    largest = sizes[-1]
    print(f"time per copy at {largest}x / at 1x: {per_copy[largest] / per_copy[1]:.2f} (linear growth: about 1)")
    print(f"target: extraction of the sample under 0.1 s; measured {per_copy[1]:.3f} s")


if __name__ == "__main__":
    main()
