"""Finding ids from the document's content, not its name.

Up to here a finding of one document had an id made from the document's name (its file name), page and
line, so renaming a file and ingesting it again gave its findings new ids and left their verdicts behind.
Now the document is named in the id by its content hash (documents.sha256). Every stored finding of one
document gets its new id, and every verdict given under its old id follows it. Conflicts between documents
(related_document_id set) keep theirs. Self-contained: the id function is copied here, frozen. Running it
again changes nothing (an id already new is made again the same).

Revision ID: 0010_finding_ids
Revises: 0009_lineage_bridge
Create Date: 2026-12-04
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010_finding_ids"
down_revision = "0009_lineage_bridge"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("sha256", sa.String))
findings = sa.table(
    "findings",
    sa.column("id", sa.Integer),
    sa.column("document_id", sa.Integer),
    sa.column("related_document_id", sa.Integer),
    sa.column("rule", sa.Text),
    sa.column("subject", sa.Text),
    sa.column("message", sa.Text),
    sa.column("locations", sa.JSON),
    sa.column("context", sa.JSON),
    sa.column("finding_id", sa.Text),
)
reviews = sa.table(
    "reviews",
    sa.column("id", sa.Integer),
    sa.column("finding_id", sa.Text),
    sa.column("verdict", sa.Text),
    sa.column("note", sa.Text),
    sa.column("reviewer", sa.Text),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    renew_ids(op.get_bind())


def renew_ids(connection: sa.Connection) -> dict[str, str]:
    """Each finding of one document gets its id from the content; verdicts follow. The old ids -> new ids."""
    query = (
        sa.select(
            findings.c.id,
            findings.c.rule,
            findings.c.subject,
            findings.c.locations,
            findings.c.context,
            findings.c.message,
            findings.c.finding_id,
            documents.c.sha256,
        )
        .join(documents, documents.c.id == findings.c.document_id)
        .where(findings.c.related_document_id.is_(None), findings.c.finding_id.is_not(None))
    )
    updates: list[dict[str, Any]] = []
    renamed: dict[str, list[str]] = defaultdict(list)
    for row in connection.execute(query):
        places = [(row.sha256, place.get("page"), place.get("source_line")) for place in _json(row.locations) or []]
        new = finding_key_id(row.rule, row.subject, places, _json(row.context), row.message) + _suffix(row.finding_id)
        if new != row.finding_id:
            updates.append({"key": row.id, "fid": new})
            if new not in renamed[row.finding_id]:
                renamed[row.finding_id].append(new)
    if updates:
        connection.execute(
            sa.update(findings).where(findings.c.id == sa.bindparam("key")).values(finding_id=sa.bindparam("fid")),
            updates,
        )
    _follow(connection, renamed)
    return {old: new[0] for old, new in renamed.items()}


def _follow(connection: sa.Connection, renamed: dict[str, list[str]]) -> None:
    """Each verdict moves to its finding's new id. One old id two findings shared (two versions of a file of
    the same name, each with the finding: the verdict was shown on both) now names two: it goes to each."""
    for old, new in renamed.items():
        trail = connection.execute(sa.select(reviews).where(reviews.c.finding_id == old).order_by(reviews.c.id))
        copies = [dict(row._mapping) for row in trail]
        if not copies:
            continue
        connection.execute(sa.update(reviews).where(reviews.c.finding_id == old).values(finding_id=new[0]))
        for other in new[1:]:
            connection.execute(sa.insert(reviews), [{**_without_id(row), "finding_id": other} for row in copies])


def _without_id(row: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in row.items() if name != "id"}


def _suffix(finding_id: str) -> str:
    """The `-2` (`-3`...) a second finding with the same id in one document was given."""
    _, dash, count = finding_id.partition("-")
    return f"{dash}{count}" if count.isdigit() else ""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# --------------------------------------------------------------------------- frozen copy (audit/findings.py)

_DIGITS = re.compile(r"-?\d[\d.,]*")


def finding_key_id(rule: str, subject: str | None, places: list[tuple[str, object, object]],
                   context: dict[str, Any] | None, message: str) -> str:  # fmt: skip
    where = [f"{sha256}:{page}:{line}" for sha256, page, line in places]
    context = context or {}
    detail = f"{context.get('field', '')}@{context.get('offset', '')}" if "offset" in context else ""
    key = "|".join([rule, subject or "", *where, detail, _DIGITS.sub("#", message)])
    return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def downgrade() -> None:
    """Nothing to undo in the schema; the old ids are not made again (the code before this revision makes
    them anew on the next ingest of each document)."""
