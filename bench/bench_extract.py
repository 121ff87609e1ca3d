"""Extraction speed of the report sample, against merely reading and splitting it, at 1x, 4x and 16x.

Run: .venv/bin/python bench/bench_extract.py
Prints seconds and the ratio to the read-and-split baseline measured in the same run;
growth must be linear (time per copy about constant). Target: well under 0.25 s for 1x.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from begroot.parse import parse
from begroot.sources import load_bytes

SAMPLE = next((Path(__file__).resolve().parent.parent / "samples").glob("000_*.txt"))


def timed(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    data = SAMPLE.read_bytes()
    print(f"{'copies':>6} {'read+split s':>12} {'extract s':>10} {'ratio':>6} {'s per copy':>10}")
    for copies in (1, 4, 16):
        blob = data * copies
        baseline = timed(lambda blob=blob: load_bytes("bench.txt", blob))
        source = load_bytes("bench.txt", blob)
        total = timed(lambda blob=blob: parse(load_bytes("bench.txt", blob)), repeat=3 if copies > 4 else 5)
        print(f"{copies:>6} {baseline:>12.4f} {total:>10.4f} {total / baseline:>6.1f} {total / copies:>10.4f}")
        del source
    print("target: extract 1x well under 0.25 s; s per copy about constant (linear growth)")


if __name__ == "__main__":
    main()
