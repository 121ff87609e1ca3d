"""What changed between two documents (or two stages of one): articles added or gone, moved figures.

A side is a document name in the database or a file path (parsed directly, no database).
Figures are matched on scope, subject, row, credit, year, stage and perimeter; with
`stages=(a, b)` the stage is left out of the match and stage a of A is compared with stage b of B.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import AmbiguousDocument, BegrootError
from ..model import FACT_COLUMNS
from ..store import Store
from ..store.exports import FactFilter, articles_export, facts_query

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
    changes: pd.DataFrame  # key columns, credit, a, b, change; sorted by |change|, largest first


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
