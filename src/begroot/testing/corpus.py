"""Many generated documents at once: the fixed CI set and corpora for benchmarks.

    python -m begroot.testing.corpus --out DIR --count N --seed S [--pdf]

writes N documents (text, and word-processor PDFs with --pdf) with, next to each, `<name>.facts.csv`:
the fact table the document holds (docs/fact-table.md) plus a `layout` column.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

from .budget import random_budget
from .document import GeneratedDocument
from .pdf import pdf_plans, render_pdfs
from .plan import Plan
from .text import adversarial_style, random_style, render_text

KINDS = (("report", "BU"), ("report", "BO"), ("report", "BA"), ("report", "BU"), ("report", "BO"), ("slides", "BO"))


def plan(number: int, seed: int = 0, style_name: str = "standard") -> Plan:
    """The `number`-th document of the corpus drawn with `seed`: kinds, stages and styles in rotation. The
    adversarial style draws every knob independently (`adversarial_style`), with no rotation."""
    rng = random.Random(
        f"corpus-{seed}-{number}-{style_name}" if style_name != "standard" else f"corpus-{seed}-{number}"
    )
    kind, stage = KINDS[number % len(KINDS)]
    if style_name == "adversarial":
        return Plan(seed * 100_003 + number + 50_000, kind, stage, 1 + number % 3, adversarial_style(rng), number)
    style = random_style(rng)
    # Rotate the main variations so that every small corpus holds each of them.
    style = replace(
        style,
        page_mark=("space", "formfeed", "none")[number % 3],
        running_header=("none", "stuk", "title", "stuk_page")[number % 4],
        frame_labels=("hyphenated", "single", "hyphenated_after")[(number // 2) % 3],
        frame_rows=("full", "total_only", "full", "no_total")[(number // 3) % 4],
        repeat_heading=number % 2 == 0,
        indent=number % 5 == 2,
        zero_cells=("blank", "dash", "zero")[(number // 5) % 3],
        ordinal=("1e", "2e")[(number // 6) % 2],
        bajr=("BA-JR", "BA – JR")[(number // 4) % 2],
        credit_evolution=("standard", "herverdelingen", "bijstellingen")[(number // 6) % 3],
    )
    if not style.indent:
        style = replace(style, zero_cells="zero")
    return Plan(seed * 100_003 + number, kind, stage, 1 + number % 3, style, number)


def generate(item: Plan) -> GeneratedDocument:
    budget = random_budget(item.seed)
    year = budget.years[item.year_index]
    return render_text(budget, item.kind, item.stage, year, item.style, seed=item.style_seed)


def fixed_set(count: int, seed: int = 0) -> list[GeneratedDocument]:
    """The first `count` text documents of the corpus drawn with `seed` (deterministic)."""
    return [generate(plan(number, seed)) for number in range(count)]


def write_corpus(folder: str | Path, count: int, seed: int = 0, formats: tuple[str, ...] = ("text",)) -> list[Path]:
    """Write `count` documents per format into `folder`, each with its `<name>.facts.csv`; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if "text" in formats:
        for number in range(count):
            generated = generate(plan(number, seed))
            path = folder / f"{generated.name}.txt"
            path.write_text(generated.text, encoding="utf-8")
            (folder / f"{generated.name}.facts.csv").write_text(generated.facts_csv(), encoding="utf-8")
            paths.append(path)
    if "pdf" in formats:
        for generated in render_pdfs(pdf_plans(count, seed), folder):
            assert generated.path is not None
            (folder / f"{generated.name}.facts.csv").write_text(generated.facts_csv(), encoding="utf-8")
            paths.append(generated.path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m begroot.testing.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument("--count", type=int, default=50, help="documents per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pdf", action="store_true", help="also word-processor PDFs (needs LibreOffice)")
    args = parser.parse_args(argv)
    formats = ("text", "pdf") if args.pdf else ("text",)
    paths = write_corpus(args.out, args.count, args.seed, formats)
    print(f"{len(paths)} documents in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
