"""What changed between two documents (or two stages of one): articles added or gone, moved figures.

A side is a document name in the database or a file path (parsed directly, no database).
Figures are matched on scope, subject, row, credit, year, stage and perimeter; with
`stages=(a, b)` the stage is left out of the match and stage a of A is compared with stage b of B;
`compare_points` (`begroot diff --from DOC:STAGE:YEAR --to DOC:STAGE:YEAR`) leaves stage and year out and
compares by subject across years. The difference is always B − A (the later minus the earlier), labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import AmbiguousDocument, BegrootError
from ..model import FACT_COLUMNS
from ..store import Store
from ..store.exports import articles_export, facts_query
from ..store.queries import FactFilter

KEY = ["scope", "subject", "row", "credit", "year", "stage", "perimeter"]


@dataclass
class Side:
    name: str
    facts: pd.DataFrame  # the fact table columns, plus perimeter
    articles: list[str]


@dataclass
class Diff:
    a: str
    b: str
    added: list[str]  # article codes in B only
    removed: list[str]  # article codes in A only
    changes: pd.DataFrame  # key columns, credit, a, b, change (b − a); sorted by |change|, largest first
    label: str = ""  # what `change` is: `BO 2025 − BO 2024`
    why: str = ""  # when nothing changed: why (nothing printed there, nothing in common, all equal)
    compared: int = 0  # figures matched on both sides


@dataclass(frozen=True)
class Point:
    """`DOC:STAGE:YEAR`: the figures of one document at one stage of one year (`begroot diff --from/--to`)."""

    document: str
    stage: str
    year: int

    @classmethod
    def parse(cls, text: str) -> Point:
        document, _, rest = text.rpartition(":")
        document, _, stage = document.rpartition(":")
        if not document or not stage or not rest.isdigit():
            raise BegrootError(text, "expected DOC:STAGE:YEAR (e.g. mydoc:BO:2025)")
        return cls(document, stage.upper(), int(rest))

    def __str__(self) -> str:
        return f"{self.stage} {self.year}"


def load_side(ref: str, url: str | None) -> Side:
    path = Path(ref)
    if path.is_file():
        return _from_file(path)
    with Store(url, create=False, read_only=True) as store:
        ids = store.resolve(ref)
        if len(ids) > 1:
            raise AmbiguousDocument(ref, ids)
        if not ids:
            raise BegrootError(ref, "neither a file nor a document in the database")
        rows = store.rows(facts_query(FactFilter(document=ids[0])))
        articles = [a["code"] for a in store.rows(articles_export(ids[0]))]
    return Side(ids[0], pd.DataFrame(rows, columns=[*FACT_COLUMNS, "table_index", "perimeter"]), articles)


def _from_file(path: Path) -> Side:
    from ..audit import load_and_parse

    document, _ = load_and_parse(path)
    rows = [{**dict(zip(FACT_COLUMNS, f.as_row(), strict=True)), "perimeter": f.perimeter} for f in document.facts]
    return Side(document.name, pd.DataFrame(rows), [a.code for a in document.articles])


def compare(a: Side, b: Side, stages: tuple[str, str] | None = None) -> Diff:
    key = [k for k in KEY if k != "stage"] if stages else KEY
    left, right = (
        _values(a.facts, key, stages[0] if stages else None),
        _values(b.facts, key, stages[1] if stages else None),
    )
    label = f"{stages[1]} − {stages[0]}" if stages else f"{b.name} − {a.name}"
    return _matched(a, b, left, right, key, label)


def compare_points(a: Side, b: Side, start: Point, end: Point) -> Diff:
    """The figures of A at `start` against those of B at `end`, matched by subject (scope, subject, row,
    credit, perimeter) across stages and years: `end − start` (BO 2025 − BO 2024, BA-JR 2023 − BU 2023)."""
    key = [k for k in KEY if k not in ("stage", "year")]
    left, right = _at(a.facts, key, start), _at(b.facts, key, end)
    diff = _matched(a, b, left, right, key, f"{end} − {start}")
    if not diff.changes.empty:
        diff.changes.insert(4, "year", f"{start.year}→{end.year}")
        diff.changes.insert(5, "stage", f"{start.stage}→{end.stage}")
    if diff.changes.empty:
        diff.why = _why(a, b, left, right, start, end, diff.compared)
    return diff


def _at(facts: pd.DataFrame, key: list[str], point: Point) -> pd.DataFrame:
    if facts.empty:
        return pd.DataFrame(columns=[*key, "value"])
    chosen = facts[(facts["stage"] == point.stage) & (facts["year"] == point.year)]
    return chosen.drop_duplicates(key)[[*key, "value"]]


def _why(a: Side, b: Side, left: pd.DataFrame, right: pd.DataFrame, start: Point, end: Point, compared: int) -> str:
    """Why a comparison found nothing that changed: which side prints nothing there, or nothing in common."""
    for side, found, point in ((a, left, start), (b, right, end)):
        if found.empty:
            printed = sorted({f"{s} {y}" for s, y in zip(side.facts.get("stage", []), side.facts.get("year", []),
                                                      strict=True) if s != "DELTA"})  # fmt: skip
            return f"{side.name} prints no figure at {point} (it prints: {', '.join(printed) or 'nothing'})"
    if not compared:
        perimeters = [sorted(set(found["perimeter"]) - {""}) or ["–"] for found in (left, right)]
        return (f"no subject in the same perimeter on both sides ({a.name}: {', '.join(perimeters[0])}; "
                f"{b.name}: {', '.join(perimeters[1])})")  # fmt: skip
    return f"all {compared} figures compared are equal"


def _matched(a: Side, b: Side, left: pd.DataFrame, right: pd.DataFrame, key: list[str], label: str) -> Diff:
    both = left.merge(right, on=key, suffixes=("_a", "_b"))
    both = both.rename(columns={"value_a": "a", "value_b": "b"})
    both["change"] = both["b"] - both["a"]
    moved = both[both["change"] != 0].copy()
    moved["size"] = moved["change"].abs()
    moved = moved.sort_values(["size", "credit", "subject"], ascending=[False, True, True], kind="stable")
    return Diff(
        a=a.name,
        b=b.name,
        added=sorted(set(b.articles) - set(a.articles)),
        removed=sorted(set(a.articles) - set(b.articles)),
        changes=moved.drop(columns="size").reset_index(drop=True),
        label=label,
        compared=len(both),
    )


def _values(facts: pd.DataFrame, key: list[str], stage: str | None) -> pd.DataFrame:
    """One value per key (the first printed), without DELTA rows (differences, not figures)."""
    if facts.empty:
        return pd.DataFrame(columns=[*key, "value"])
    facts = facts[facts["stage"] != "DELTA"]
    if stage is not None:
        facts = facts[facts["stage"] == stage]
    return facts.drop_duplicates(key)[[*key, "value"]]


def top_per_credit(diff: Diff, top: int | None) -> pd.DataFrame:
    """The biggest moves of every credit (all of them when top is None), largest first."""
    if top is None or diff.changes.empty:
        return diff.changes
    kept = diff.changes.groupby("credit", sort=False, observed=True).head(top)
    return kept.reset_index(drop=True)
