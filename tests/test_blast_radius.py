"""Errors stay local: one table damaged costs that table and nothing more.

A generated text document has one of its tables corrupted (its header deleted, a row garbled, its
second half cut away; lines are blanked, not removed, so every other line keeps its number).
Everything outside that table must still read exactly (value, page, line), nothing read anywhere
may be a number the document does not hold, and the damage is warned with its page and line.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from begroot.parse import extract, parse
from begroot.parse.tables import header_items, is_unit_line
from begroot.sources import load_bytes
from begroot.testing import GeneratedDocument, random_budget, random_style, render_text
from begroot.testing.compare import extracted_keys, keys
from begroot.vocabulary import VOCABULARY

KINDS = [("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")]
CORRUPTIONS = ["header", "row", "half"]


@dataclass
class Region:
    unit: int  # 0-based index of the unit line
    header: list[int]  # indexes of its header lines
    rows: list[int]  # indexes of the lines holding its facts
    facts: set[tuple[object, ...]]  # (scope, subject, layout) of its facts


def regions(generated: GeneratedDocument) -> list[Region]:
    """Each table of the text from its unit line: its header lines and the lines of its facts (up to the next
    unit line)."""
    lines = generated.text.split("\n")
    units = [i for i, text in enumerate(lines) if is_unit_line(text, VOCABULARY)]
    by_line: dict[int, list] = {}
    for fact in generated.facts:
        by_line.setdefault(fact.line - 1, []).append(fact)
    found = []
    for unit, following in zip(units, [*units[1:], len(lines)], strict=True):
        rows = sorted(i for i in by_line if unit < i < following)
        if not rows:
            continue
        header = [
            i for i in range(unit + 1, rows[0]) if lines[i].strip() and header_items(lines[i].strip(), VOCABULARY)
        ]
        subjects = {(f.scope, f.subject, f.layout) for i in rows for f in by_line[i]}
        found.append(Region(unit, header, rows, subjects))
    return found


def blank(lines: list[str], index: int) -> None:
    """Blank a line, keeping a page mark (a form feed, the single leading space of a page's first line)."""
    text = lines[index]
    if text.startswith("\f"):
        lines[index] = "\f"
    elif text.startswith(" ") and not text.startswith("  "):
        lines[index] = text  # a page's first line keeps its mark: left as is
    else:
        lines[index] = ""


def corrupt(lines: list[str], region: Region, how: str, rng: random.Random) -> None:
    if how == "header":
        for index in [region.unit, *region.header]:
            blank(lines, index)
    elif how == "row":
        index = rng.choice(region.rows)
        text = lines[index]
        digits = [k for k, char in enumerate(text) if char.isdigit()]
        if digits:  # a digit misread as a letter (`1.2O4`): that cell is no number any more
            k = rng.choice(digits)
            lines[index] = text[:k] + rng.choice("OlSB") + text[k + 1 :]
    else:
        for index in region.rows[len(region.rows) // 2 :]:
            blank(lines, index)


def damaged(generated: GeneratedDocument, number: int, how: str, rng: random.Random) -> tuple[str, Region] | None:
    found = regions(generated)
    if not found:
        return None
    region = found[number % len(found)]
    lines = generated.text.split("\n")
    corrupt(lines, region, how, rng)
    return "\n".join(lines), region


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(min_value=0, max_value=2**20),
    style_seed=st.integers(min_value=0, max_value=2**20),
    kind=st.sampled_from(KINDS),
    how=st.sampled_from(CORRUPTIONS),
    table=st.integers(min_value=0, max_value=400),
)
def test_one_damaged_table_costs_only_itself(seed: int, style_seed: int, kind: tuple[str, str], how: str,
                                             table: int) -> None:  # fmt: skip
    budget = random_budget(seed)
    style = random_style(random.Random(style_seed))
    generated = render_text(budget, kind[0], kind[1], budget.years[1], style, seed=seed)
    made = damaged(generated, table, how, random.Random(seed))
    if made is None:
        return
    text, region = made
    document = parse(load_bytes(f"{generated.name}.txt", text.encode("utf-8")))
    # The same table continued after a page break (its heading repeated) counts as the damaged table.
    outside = [f for f in generated.facts if (f.scope, f.subject, f.layout) not in region.facts]
    want = keys(GeneratedDocument(**{**generated.__dict__, "facts": outside}))
    got = extracted_keys(document, generated)
    where = f"{generated.name} ({seed}, {style_seed}, {kind}, {how!r}, {table}) table at line {region.unit + 1} ({sorted(generated.variations)})"
    missing = want - got
    notes = "\n".join(str(w) for w in document.warnings[:6])
    assert not missing, f"{where}: {sum(missing.values())} facts outside it lost, e.g. {list(missing)[:3]}\n{notes}"
    extra = got - keys(generated)
    assert not extra, f"{where}: numbers the document does not hold: {list(extra)[:3]}"
    printed = [f for f in generated.facts if text.split("\n")[f.line - 1].strip()]  # cut rows print nothing
    lost = Counter(k for k in keys(GeneratedDocument(**{**generated.__dict__, "facts": printed})) if k not in got)
    if lost:  # what the damage cost is warned, with a page and a line
        assert any((w.line or 0) > 0 for w in document.warnings), f"{where}: {len(lost)} facts lost without a warning"


def pdf_of(text: str, folder: Path, name: str) -> Path:
    """The text's pages drawn as a PDF by the test suite's renderer (labels left, numbers in right-aligned columns)."""
    from pdfgen import render_pages

    source = load_bytes(f"{name}.txt", text.encode("utf-8"))
    path = folder / f"{name}.pdf"
    path.write_bytes(render_pages([[line.text for line in page.lines] for page in source.pages]))
    return path


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=st.integers(min_value=0, max_value=2**20), kind=st.sampled_from(KINDS), how=st.sampled_from(CORRUPTIONS),
       table=st.integers(min_value=0, max_value=400))  # fmt: skip
def test_one_damaged_table_in_a_pdf_costs_only_itself(tmp_path_factory, seed: int, kind: tuple[str, str], how: str,  # type: ignore[no-untyped-def]
                                                      table: int) -> None:  # fmt: skip
    """The same in a PDF: what the undamaged PDF gives outside the damaged table, the damaged one gives too, and
    nothing it does not."""
    budget = random_budget(seed)
    style = replace(random_style(random.Random(seed)), page_mark="formfeed", indent=False)
    generated = render_text(budget, kind[0], kind[1], budget.years[1], style, seed=seed)
    made = damaged(generated, table, how, random.Random(seed))
    if made is None:
        return
    text, region = made
    folder = tmp_path_factory.mktemp("blast")
    as_pdf = replace(generated, format="pdf")
    clean = extracted_keys(extract(pdf_of(generated.text, folder, "clean")), as_pdf)
    got = extracted_keys(extract(pdf_of(text, folder, "damaged")), as_pdf)
    inside = {(f.scope, f.subject) for f in generated.facts if (f.scope, f.subject, f.layout) in region.facts}
    outside = Counter({key: n for key, n in clean.items() if key[:2] not in inside})
    where = f"{generated.name} ({seed}, {kind}, {how!r}, {table}) table at line {region.unit + 1}"
    missing = outside - got
    assert not missing, f"{where}: {sum(missing.values())} facts outside it lost, e.g. {list(missing)[:3]}"
    extra = got - clean
    assert not extra, f"{where}: numbers the undamaged PDF does not give: {list(extra)[:3]}"
