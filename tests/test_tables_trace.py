"""`begroot tables`: why each table was or was not read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from begroot.parse import parse
from begroot.parse.debug import trace_tables
from begroot.sources import load, load_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

UNREADABLE = """\
 JB0-1JDB2CA-WT – EEN ARTIKEL
Begrotingsuitvoering:
(duizend euro)
VAK VEK
2023 1e BA 1e BA-JR BU 1e BA 1e BA-JR BU
Uitgaven 10 11 12 13 14 15
Inhoudelijke toelichting:
(duizend euro)
Kwartaal Q1 Q2
"""


def test_every_table_of_the_sample_is_traced_as_read() -> None:
    source = load(next(SAMPLES.glob("003_*.txt")))
    document = parse(source)
    traces = trace_tables(source, document)
    assert len(traces) == len(document.tables) and all(trace.read for trace in traces)
    grid = traces[0]
    assert grid.caption.startswith("Budgetevolutie") and "VAK BA 2021" in grid.columns
    assert grid.rows[0] == "Programma JA: 6 numbers"


def test_a_table_left_out_says_why() -> None:
    source = load_bytes("doc.txt", UNREADABLE.encode())
    traces = trace_tables(source, parse(source))
    assert [trace.read for trace in traces] == [True, False]
    assert "header words not understood: Kwartaal Q1 Q2" in traces[1].outcome and traces[1].line == 8


def test_cli_lists_only_the_tables_left_out(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(UNREADABLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "begroot", "tables", str(path), "--left-out"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert "line 8" in result.stdout and "line 3" not in result.stdout
