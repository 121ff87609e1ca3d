"""Page views: a cached page view and an uncached PDF page render, against baselines measured in the same run.

Renders a 100-page PDF from the sample report samples/000_*.txt with the test suite's generator (as
bench_pdf.py does), ingests it into a temporary SQLite database and asks the application in-process
(FastAPI's TestClient):
  (a) cached page view: GET /documents/{id}/pages/{n}?fact=F for every figure of the pages with figures,
      each URL once (so the response cache never answers; the page's lines come from the disk cache,
      filled by one view of each page first). Target: p95 < 50 ms. Baseline: GET /api/v1/documents.
  (b) uncached PDF page: GET /documents/{id}/pages/{n}.png with an empty cache (render + PNG + store).
      Target: < 300 ms a page. Baseline: bare pypdfium2 render of the same page (to a PIL image).

    .venv/bin/python bench/bench_pages.py [--pages 100] [--renders 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from begroot.ingest import prepare  # noqa: E402
from begroot.pageview import SCALE  # noqa: E402
from begroot.store import Store  # noqa: E402
from pdfgen import render_pdf  # noqa: E402

SAMPLE = next((ROOT / "samples").glob("000_*.txt"))


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def bare_render(data: bytes, number: int) -> None:
    pdf = pdfium.PdfDocument(data)
    page = pdf[number - 1]
    page.render(scale=SCALE).to_pil()
    page.close()
    pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--renders", type=int, default=20, help="uncached pages rendered")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BEGROOT_PAGE_CACHE"] = str(Path(folder) / "cache")
        from fastapi.testclient import TestClient

        from begroot.app import create_app

        pdf = Path(folder) / "hundred.pdf"
        data = render_pdf(SAMPLE, pages=args.pages)
        pdf.write_bytes(data)
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        with Store(url) as store:
            ready = prepare(pdf)
            assert ready.rows is not None, ready.error
            name = store.ingest_rows(ready.rows).id
        client = TestClient(create_app(url), base_url="http://localhost")
        facts = client.get(f"/api/v1/facts?document={name}&limit=5000").json()["items"]
        pages = sorted({fact["page"] for fact in facts})
        print(f"{args.pages}-page PDF, {len(facts)} figures on {len(pages)} pages")

        # (b) first, while the cache is empty: each page rendered once, never seen before.
        renders, bare = [], []
        for number in range(1, min(args.renders, args.pages) + 1):
            bare.append(timed(lambda number=number: bare_render(data, number)))
            response_time = timed(lambda number=number: client.get(f"/documents/{name}/pages/{number}.png"))
            renders.append(response_time)
        render_median, bare_median = statistics.median(renders), statistics.median(bare)
        print(f"uncached page render  median {1000 * render_median:7.1f} ms  max {1000 * max(renders):7.1f} ms"
              f"  baseline (bare pypdfium2 render) {1000 * bare_median:6.1f} ms"
              f"  ratio {render_median / bare_median:4.1f}x  target < 300 ms: "
              f"{'ok' if max(renders) < 0.3 else 'MISSED'}")  # fmt: skip

        # (a) every page viewed once (fills the disk cache), then one view per figure.
        for number in pages:
            client.get(f"/documents/{name}/pages/{number}")
        views = []
        for number in pages:
            view = client.get(f"/api/v1/documents/{name}/pages/{number}").json()
            for figure in view["figures"]:
                views.append(
                    timed(lambda n=number, f=figure: client.get(f"/documents/{name}/pages/{n}?fact={f['id']}"))
                )
        baseline = [timed(lambda i=i: client.get(f"/api/v1/documents?i={i}")) for i in range(len(views))]
        view_p95, base_p95 = p95(views), p95(baseline)
        print(f"cached page view      p95    {1000 * view_p95:7.1f} ms  ({len(views)} views)"
              f"  baseline (GET /api/v1/documents) {1000 * base_p95:6.1f} ms  ratio {view_p95 / base_p95:4.1f}x"
              f"  target < 50 ms: {'ok' if view_p95 < 0.05 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
