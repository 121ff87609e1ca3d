"""PDF reading speed: begroot's read_pdf against the floor (bare PDFium text) and a peer (pdfplumber tables).

Renders a ~160-page PDF from the sample report samples/000_*.txt with the test
suite's generator, then prints pages per second for
  (a) ours:  begroot.sources.pdf.read_pdf (text, line rebuilding, headers and footers),
  (b) floor: pypdfium2 get_textpage().get_text_range() over all pages,
  (c) peer:  pdfplumber page.extract_tables() over the same pages,
and the ratios. Target: ours within 3x of the floor and faster than the peer.

    .venv/bin/python bench/bench_pdf.py [--pages 160] [--repeat 3] [--style grid]

`--style grid` rules every table cell: the ruled-table reading (sources/rules.py) is then measured too.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from begroot.sources.pdf import read_pdf  # noqa: E402
from pdfgen import render_pdf  # noqa: E402


def ours(data: bytes) -> int:
    document = read_pdf("bench.pdf", "bench", data, hashlib.sha256(data).hexdigest())
    return len(document.pages)


def floor(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    count = len(pdf)
    pdf.close()
    return count


def peer(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()  # pdfplumber caches layout per page; free it as a long run would
        return len(pdf.pages)


def best_rate(reader: Callable[[bytes], int], data: bytes, repeat: int) -> float:
    """Pages per second, best of `repeat` runs (the least disturbed by other load)."""
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = reader(data)
        best = min(best, time.perf_counter() - start)
    return pages / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=160)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--style", choices=["columns", "grid"], default="columns", help="grid: every cell ruled")
    args = parser.parse_args()
    sample = next(iter(sorted((ROOT / "samples").glob("000_*.txt"))), None)
    if sample is None:
        sys.exit("no samples/000_*.txt to render")
    data = render_pdf(sample, style=args.style, pages=args.pages)
    print(f"{sample.name}: {args.pages} pages ({args.style}), {len(data) / 1e6:.1f} MB of PDF")
    rates = {
        "ours  (read_pdf)": best_rate(ours, data, args.repeat),
        "floor (pypdfium2 get_text_range)": best_rate(floor, data, args.repeat),
        "peer  (pdfplumber extract_tables)": best_rate(peer, data, 1),  # slow: one run is plenty
    }
    for label, rate in rates.items():
        print(f"{label:36} {rate:9.1f} pages/s")
    ours_rate, floor_rate, peer_rate = rates.values()
    print(f"ours/floor time ratio: {floor_rate / ours_rate:.2f}x (target <= 3)")
    print(f"ours/peer  time ratio: {peer_rate / ours_rate:.3f}x (target < 1)")


if __name__ == "__main__":
    main()
