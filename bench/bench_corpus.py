"""The generated corpus read back: recall and precision overall, per style variation, per layout.

Run: .venv/bin/python bench/bench_corpus.py [--count 200] [--pdf 40] [--seed 0] [--style both]
     .venv/bin/python bench/bench_corpus.py --count 50 --pdf 0     # a quick look

Both styles of the generator by default: `standard` (its knobs rotated so every variation occurs) and
`adversarial` (every knob drawn independently, with the combinations the readers were never tuned on);
`--count` and `--pdf` are per style.

Every document comes from begroot.testing with the facts it prints. A fact counts as found when
an extracted fact has the same scope, subject, row, credit, year, stage, value and, where the
document lets them be known, page (text with page marks, PDF) and line (text). Printed:
- recall (expected facts found) and precision (extracted facts the document holds) overall and per format;
- the same per style variation (over the documents showing it) and per layout (expected facts only),
  worst first, so the variation that loses numbers stands out;
- documents refused with an error, and the reader's warnings per class.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from begroot.errors import BegrootError
from begroot.parse import extract, parse
from begroot.sources import load_bytes
from begroot.testing.compare import Rates, compare
from begroot.testing.corpus import generate, plan
from begroot.testing.document import GeneratedDocument


@dataclass
class Tally(Rates):
    expected: int = 0
    extracted: int = 0
    matched: int = 0
    documents: int = 0
    perfect: int = 0

    def add(self, expected: int, extracted: int, matched: int, perfect: bool) -> None:
        self.expected += expected
        self.extracted += extracted
        self.matched += matched
        self.documents += 1
        self.perfect += perfect


@dataclass
class Results:
    overall: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    variations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    layouts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    warnings: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def measure(generated: GeneratedDocument, results: Results, style: str = "standard") -> None:
    start = time.perf_counter()
    try:
        if generated.path is not None:
            document = extract(generated.path)
        else:
            document = parse(load_bytes(f"{generated.name}.txt", generated.text.encode("utf-8")))
    except BegrootError as error:
        results.errors[error.message.split(":")[0]] += 1
        for key in (generated.format, f"{style} {generated.format}", "all"):
            results.overall[key].add(len(generated.facts), 0, 0, False)
        for variation in generated.variations:
            results.variations[variation].add(len(generated.facts), 0, 0, False)
        for fact in generated.facts:
            results.layouts[fact.layout][0] += 1
        return
    finally:
        results.seconds += time.perf_counter() - start
    result = compare(document, generated)
    for key in (generated.format, f"{style} {generated.format}", f"{generated.format} {generated.kind} {generated.stage}",
                "all"):  # fmt: skip
        results.overall[key].add(result.expected, result.extracted, result.matched, result.perfect)
    for variation in generated.variations:
        results.variations[variation].add(result.expected, result.extracted, result.matched, result.perfect)
    missing = Counter(result.missing)
    for fact in generated.facts:
        key = _key(fact, generated)
        results.layouts[fact.layout][0] += 1
        if missing[key]:
            missing[key] -= 1
        else:
            results.layouts[fact.layout][1] += 1
    for warning in document.warnings:
        results.warnings[f"{warning.code}: {_shape(warning.message)}"] += 1


def _key(fact, generated: GeneratedDocument) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    return (fact.key + ((fact.page,) if generated.pages_marked else ())
            + ((fact.line,) if generated.format == "text" else ()))  # fmt: skip


def _shape(message: str) -> str:
    """A warning without its particulars (captions, numbers), to count warnings per class."""
    return message.split("(")[0].split("'")[0].rstrip(" :")[:70]


def report(results: Results) -> None:
    print(f"\n{'':<34} {'docs':>5} {'perfect':>7} {'facts':>7} {'recall':>7} {'precision':>9}")
    for key in sorted(results.overall):
        t = results.overall[key]
        print(f"{key:<34} {t.documents:>5} {t.perfect:>7} {t.expected:>7} {t.recall:>7.1%} {t.precision:>9.1%}")
    print(f"\nper variation (documents showing it), worst recall first\n{'':<34} {'docs':>5} {'perfect':>7} "
          f"{'facts':>7} {'recall':>7} {'precision':>9}")  # fmt: skip
    for key, t in sorted(results.variations.items(), key=lambda kv: (kv[1].recall, kv[0])):
        print(f"{key:<34} {t.documents:>5} {t.perfect:>7} {t.expected:>7} {t.recall:>7.1%} {t.precision:>9.1%}")
    print(f"\nper layout (expected facts)\n{'':<34} {'facts':>7} {'recall':>7}")
    for layout, (expected, found) in sorted(results.layouts.items(), key=lambda kv: kv[1][1] / max(kv[1][0], 1)):
        print(f"{layout:<34} {expected:>7} {found / max(expected, 1):>7.1%}")
    if results.errors:
        print("\ndocuments refused")
        for message, count in results.errors.most_common():
            print(f"{count:>6}  {message}")
    print("\nwarnings per class")
    for message, count in results.warnings.most_common(25):
        print(f"{count:>6}  {message}")
    print(f"\nextraction time {results.seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200, help="text documents")
    parser.add_argument("--pdf", type=int, default=40, help="word-processor PDFs (0: none; needs LibreOffice)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (the CI tests use other documents)")
    parser.add_argument("--style", choices=["standard", "adversarial", "both"], default="both")
    args = parser.parse_args()
    styles = ["standard", "adversarial"] if args.style == "both" else [args.style]
    results = Results()
    for style in styles:
        start = time.perf_counter()
        for number in range(args.count):
            measure(generate(plan(number, args.seed, style)), results, style)
        print(f"{args.count} {style} text documents generated and read in {time.perf_counter() - start:.1f} s")
    if args.pdf:
        from begroot.testing.pdf import pdf_plans, render_pdfs

        for style in styles:
            with tempfile.TemporaryDirectory(prefix="begroot-bench-pdf-") as folder:
                start = time.perf_counter()
                documents = []
                for first in range(0, args.pdf, 20):  # batches: one LibreOffice start each
                    batch = pdf_plans(min(args.pdf, first + 20), args.seed, style)[first:]
                    documents.extend(render_pdfs(batch, folder))
                print(f"{len(documents)} {style} PDFs converted in {time.perf_counter() - start:.1f} s")
                for generated in documents:
                    measure(generated, results, style)
    report(results)


if __name__ == "__main__":
    main()
