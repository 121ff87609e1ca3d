"""Start-up of the command line, as whole processes, against an empty Python started the same way.

Run: .venv/bin/python bench/bench_cli.py [--repeat N]
Each command runs N times (default 15) after one warm-up; the median wall time is printed with
its ratio to `python -c pass` measured in the same run. Targets: `begroot --help` <= 0.15 s,
`begroot extract` of the report sample <= 0.3 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next((ROOT / "samples").glob("000_*.txt"))
BEGROOT = [sys.executable, "-m", "begroot"]
COMMANDS = {
    "python -c pass (baseline)": ([sys.executable, "-c", "pass"], None),
    "begroot --help": ([*BEGROOT, "--help"], 0.15),
    "begroot extract SAMPLE": ([*BEGROOT, "extract", str(SAMPLE)], 0.30),
}


def median_seconds(command: list[str], repeat: int) -> float:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    baseline = 0.0
    print(f"{'command':<28} {'median s':>9} {'x baseline':>11} {'target s':>9}")
    for label, (command, target) in COMMANDS.items():
        seconds = median_seconds(command, repeat)
        baseline = baseline or seconds
        verdict = "" if target is None else f"{target:>9.2f} {'ok' if seconds <= target else 'MISSED'}"
        print(f"{label:<28} {seconds:>9.3f} {seconds / baseline:>11.1f} {verdict}")


if __name__ == "__main__":
    main()
