"""Start-up of the command line, as whole processes, against an empty Python started the same way.

Run: .venv/bin/python bench/bench_cli.py [--repeat N]
Each command runs N times (default 15) after one warm-up; the median wall time is printed with
its ratio to `python -c pass` measured in the same run, and the median CPU time (user + system) of
the process, which a busy machine disturbs less. Targets: `begroot --help` <= 0.15 s,
`begroot extract` of the report sample <= 0.3 s. Also, with no target, a database command:
`begroot documents` on a database already at the current schema (the warm-up run creates it).

The commands run with bytecode caching on, as an installed begroot does: with PYTHONDONTWRITEBYTECODE
set and no __pycache__ beside the sources, every run would compile begroot again (~30 ms of `extract`).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of the command."""
    subprocess.run(command, capture_output=True, check=True, env=ENV)  # warm the file and bytecode caches
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        subprocess.run(command, capture_output=True, check=True, env=ENV)
        wall.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'current.sqlite'}"
        slides = next((ROOT / "samples").glob("003_*.txt"))  # only ingest makes a database
        subprocess.run([*BEGROOT, "ingest", str(slides), "--db", url], capture_output=True, check=True, env=ENV)
        commands = {**COMMANDS, "begroot documents (a DB)": ([*BEGROOT, "documents", "--db", url], None)}
        baseline = 0.0
        print(f"{'command':<28} {'median s':>9} {'x baseline':>11} {'cpu s':>7} {'target s':>9}")
        for label, (command, target) in commands.items():
            seconds, cpu = median_seconds(command, repeat)
            baseline = baseline or seconds
            verdict = "" if target is None else f"{target:>9.2f} {'ok' if seconds <= target else 'MISSED'}"
            print(f"{label:<28} {seconds:>9.3f} {seconds / baseline:>11.1f} {cpu:>7.3f} {verdict}")


if __name__ == "__main__":
    main()
