"""The audit: its speed rule by rule, and how many mutated figures it catches at their own line.

Run: .venv/bin/python bench/bench_audit.py [--seeds 5] [--generated 6] [--per-document 10] [--no-speed]

Speed: seconds per rule on the samples and the ratio to extraction (parse alone) in the same run.
The prose check dominated the audit; it was measured before and after its rewrites with this
script (figures in docs/audit.md).

Mutations (`begroot.testing.mutations`): for each seed, the two samples and `--generated` generated
documents (`begroot.testing.corpus`); in each, `--per-document` random table cells (ISE frames,
articles, summaries, slides) and as many figures of recognised prose claims get one digit changed,
one at a time; a mutation is caught when a new finding names the mutated line. Prints the share
caught at the line, the mutations missed, and the findings on the documents as they are (the
samples' reviewed real ones are listed apart).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from begroot.audit import audit_document
from begroot.audit.findings import document_rules
from begroot.parse import parse
from begroot.sources import load
from begroot.testing.corpus import generate, plan
from begroot.testing.mutations import KINDS, Outcome, mutate_document

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def timed(function: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        re.purge()  # every run compiles its patterns afresh, as a new worker process would
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed() -> None:
    sources = [load(path) for path in SAMPLES]
    documents = [parse(source) for source in sources]
    pairs = list(zip(documents, sources, strict=True))
    extraction = timed(lambda: [parse(source) for source in sources])
    print(f"samples: {', '.join(p.name for p in SAMPLES)}")
    print(f"{'step':<24} {'seconds':>8} {'x extraction':>13}")
    print(f"{'extraction (baseline)':<24} {extraction:>8.4f} {1:>13.2f}")
    for registered in document_rules():

        def run(registered=registered) -> None:  # type: ignore[no-untyped-def]
            for doc, source in pairs:
                args = (doc, source) if registered.needs_source else (doc,)
                list(registered.function(*args))

        seconds = timed(run)
        print(f"{registered.id:<24} {seconds:>8.4f} {seconds / extraction:>13.2f}")
    whole = timed(lambda: [audit_document(doc, source) for doc, source in pairs])
    print(f"{'whole audit':<24} {whole:>8.4f} {whole / extraction:>13.2f}")


# The real inconsistencies of the samples, reviewed by hand (tests/test_audit.py says why each is right).
# Their three rates printed within one unit of the exact value (102% for 101,49%) are "rounded differently" (info).
REVIEWED = {
    ("statement-mismatch", "JE:duurzame-arbeidsmarkt", ""),
}


def _reviewed(finding: object) -> bool:
    rule, subject = getattr(finding, "rule", ""), getattr(finding, "subject", "")
    return (rule, subject, getattr(finding, "context", {}).get("figure", "")) in REVIEWED


def mutations(seeds: int, generated: int, per_document: int) -> None:
    outcomes: list[tuple[str, Outcome]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "mutated").mkdir()
        for seed in range(seeds):
            documents = [("sample", path) for path in SAMPLES]
            for number in range(generated):
                made = generate(plan(number, seed + 1))
                path = work / f"{made.name}.txt"
                path.write_text(made.text, encoding="utf-8")
                documents.append(("generated", path))
            for origin, path in documents:
                outcome = mutate_document(path, random.Random(f"{seed}-{path.name}"), per_document, work / "mutated")
                if seed and origin == "sample":
                    outcome.unmutated = []  # the same sample again: count its own findings once
                outcomes.append((origin, outcome))
    print(
        f"\nmutations: {seeds} seeds x (2 samples + {generated} generated documents), "
        f"{per_document} table cells, claim figures and Kredietevolutie change rows each "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print(f"{'documents':<10} {'kind':<6} {'tried':>6} {'caught at line':>15} {'share':>7} {'as rounding':>12}")
    for origin in ("sample", "generated"):
        for kind in KINDS:
            tried = sum(o.tried[kind] for g, o in outcomes if g == origin)
            hit = sum(o.caught[kind] for g, o in outcomes if g == origin)
            share = f"{hit / tried:.1%}" if tried else "–"
            rounding = sum(o.as_rounding[kind] for g, o in outcomes if g == origin)  # info "rounded differently"
            print(f"{origin:<10} {kind:<6} {tried:>6} {hit:>15} {share:>7} {rounding:>12}")
    missed = [(o.document, m) for _, o in outcomes for m in o.missed]
    for document, mutation in missed[:20]:
        print(
            f"  missed {mutation.kind} {document}:{mutation.line}: {mutation.before.strip()[:60]!r} -> "
            f"{mutation.after.strip()[:60]!r}"
        )
    print("\nfindings on the documents as they are (errors and warnings):")
    for origin in ("sample", "generated"):
        found = [f for g, o in outcomes if g == origin for f in o.unmutated]
        reviewed = sum(_reviewed(f) for f in found)
        rules = Counter(f.rule for f in found if not _reviewed(f))
        print(f"  {origin}: {len(found)} ({reviewed} reviewed real ones); others by rule: {dict(rules) or 'none'}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seeds", type=int, default=5)
    options.add_argument("--generated", type=int, default=6, help="generated documents per seed")
    options.add_argument("--per-document", type=int, default=10, help="table and claim mutations per document")
    options.add_argument("--no-speed", action="store_true", help="only the mutations")
    args = options.parse_args()
    if not args.no_speed:
        speed()
    mutations(args.seeds, args.generated, args.per_document)


if __name__ == "__main__":
    main()
