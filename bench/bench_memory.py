"""Peak memory of `extract`, `ingest` and `audit` on the report sample repeated 1, 10 and 50 times.

Run: .venv/bin/python bench/bench_memory.py
Each command runs as its own process (the CLI as users run it); its peak resident set size is
read from the kernel when it ends (wait4). The baseline, measured in the same run, is the peak
of a process that only starts the CLI (`begroot --help`): the ratio column is peak / baseline.
Target: every command under 300 MB at 50x (the sample 50 times is about 17 MB of text).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next((ROOT / "samples").glob("000_*.txt"))
BEGROOT = [sys.executable, "-m", "begroot"]
COPIES = (1, 10, 50)
TARGET_MB = 300


def peak_mb(arguments: list[str]) -> float:
    """Run a command (output discarded) and return its peak RSS in MB; it must succeed."""
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(arguments)} failed: {stderr.strip()}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def commands(document: Path, folder: Path) -> dict[str, list[str]]:
    database = f"sqlite:///{folder / 'bench.sqlite'}"
    return {
        "extract": [*BEGROOT, "extract", "--quiet", str(document)],
        "ingest": [*BEGROOT, "ingest", "--db", database, str(document)],
        "audit": [*BEGROOT, "audit", "--format", "json", str(document)],
    }


def main() -> None:
    data = SAMPLE.read_bytes()
    baseline = peak_mb([*BEGROOT, "--help"])
    print(f"baseline (the CLI starting): {baseline:.0f} MB")
    print(f"{'copies':>6} {'MB of text':>10} {'command':>8} {'peak MB':>8} {'ratio':>6}")
    worst = 0.0
    for copies in COPIES:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            document = folder / f"sample-x{copies}.txt"
            document.write_bytes(data * copies)
            for command, arguments in commands(document, folder).items():
                peak = peak_mb(arguments)
                if copies == COPIES[-1]:
                    worst = max(worst, peak)
                size = len(data) * copies / 1e6
                print(f"{copies:>6} {size:>10.1f} {command:>8} {peak:>8.0f} {peak / baseline:>6.1f}")
    verdict = "met" if worst < TARGET_MB else "NOT met"
    print(f"target: under {TARGET_MB} MB at {COPIES[-1]}x for every command: {verdict} (worst {worst:.0f} MB)")


if __name__ == "__main__":
    main()
