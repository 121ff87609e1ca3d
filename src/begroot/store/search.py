"""Dutch-aware full-text search in the database: SQLite FTS5 or PostgreSQL full-text search.

What is searched: each article's summary and explanation, and the text of each section, with
their titles (`search_entries`, one row per piece, stored at ingest in the document's transaction).
The words are indexed in `search_index`, a backend-specific table made by migration 0003:

- SQLite: an FTS5 table (tokenizer `unicode61 remove_diacritics 2`) holding each entry's words
  already folded and stemmed here with snowball 'dutch', the stemmer the search always used;
- PostgreSQL: a tsvector per entry with the `dutch` text-search configuration, of the text with its
  accents folded here. (Folding in Python rather than with the `unaccent` extension keeps both
  backends folding alike and needs no extension: an extension is installed once per database, in
  one schema, which a database holding several begroot schemas cannot share through search_path.)

So 'opleiding' finds 'opleidingen', 'financiele' finds 'financiële', every word of a query must
occur, results are ranked (FTS5 bm25, PostgreSQL ts_rank) and each comes with an HTML snippet in
which the matching words are marked.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

import snowballstemmer
from sqlalchemy import Connection, bindparam, func, select, text

from ..model import Document
from .bulk import bulk_insert
from .schema import SEARCH_INDEX as INDEX_TABLE
from .schema import search_entries_t

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_RADIUS = 90

# PyStemmer's, when installed (a dependency): snowballstemmer's C stemmer, the same stems as its Python one, 17x
# faster (each new word of an ingest is stemmed once).
_stemmer = snowballstemmer.stemmer("dutch")
_stem_lock = threading.Lock()  # snowball stemmer objects keep state between calls


NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower case without accents: 'Financiële' -> 'financiele'."""
    lowered = text.lower()
    # Only the (rare) runs of non-ASCII characters need work; each distinct run is folded once.
    return lowered if lowered.isascii() else NON_ASCII.sub(_fold_match, lowered)


def _fold_match(match: re.Match[str]) -> str:
    return _fold_run(match.group())


@lru_cache(maxsize=20_000)
def _fold_run(run: str) -> str:
    decomposed = unicodedata.normalize("NFKD", run)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    with _stem_lock:
        return str(_stemmer.stemWord(fold(word)))


def terms(text: str) -> list[str]:
    return list(map(stem, WORD.findall(text)))


# --------------------------------------------------------------------------- what is indexed


def entries(document: Document) -> Iterator[dict[str, Any]]:
    """The searchable pieces of a document, one at a time: its articles, then its sections' prose.

    An article is one entry with all the prose under its heading (its section's text: summary,
    explanation and what follows them); that section is not indexed again, or every search would
    find each article twice.
    """
    under_heading = {s.line: s.text for s in document.sections if s.kind == "article"}
    for a in document.articles:
        body = under_heading.get(a.line) or "\n\n".join(p for p in (a.summary, a.explanation) if p)
        yield entry("article", a.code, a.name, a.page, None, body)
    for s in document.sections:
        if s.text and s.kind != "article":
            yield entry("section", s.id, s.title, s.page, s.line, s.text)


def entry(kind: str, key: str, title: str, page: int, line: int | None, body: str) -> dict[str, Any]:
    return {"kind": kind, "key": key, "title": title, "page": page, "line": line, "text": body}


def searchable(row: dict[str, Any]) -> str:
    return f"{row['title']} {row['text'] or ''}"


# What each backend indexes of an entry: the `stemmed` words (SQLite FTS5) or the `folded` text
# (PostgreSQL stems it with its own 'dutch' configuration).
WORDS_KEY = {"postgresql": "folded", "sqlite": "stemmed"}


def rows(document: Document, dialect: str = "sqlite") -> Iterator[dict[str, Any]]:
    """The document's entries with the words the `dialect`'s index takes, one at a time."""
    return (with_words(row, dialect) for row in entries(document))


def with_words(row: dict[str, Any], dialect: str) -> dict[str, Any]:
    key = WORDS_KEY.get(dialect, "stemmed")
    if key in row:
        return row
    body = searchable(row)
    return row | {key: fold(body) if key == "folded" else " ".join(terms(body))}


ENTRY_FIELDS = ("kind", "key", "title", "page", "line", "text")
INDEX_BATCH = 100  # entries held at once: a long document's prose is indexed a slice at a time


def index_entries(connection: Connection, document_id: int, rows: Iterable[dict[str, Any]]) -> None:
    """Store a document's entries and their words, inside the caller's (the ingest's) transaction.

    `rows` come from `rows()` (or `entry()`: their words are worked out here then), as a list or
    one at a time. Entry ids are given here so the index rows can point at them; writers hold the
    database's write lock (store.engine.writing), so the next free id cannot be taken by another
    process meanwhile.
    """
    dialect = connection.dialect.name
    next_id = (connection.scalar(select(func.max(search_entries_t.c.id))) or 0) + 1
    iterator = iter(rows)
    while batch := list(islice(iterator, INDEX_BATCH)):
        numbered = [with_words(row, dialect) | {"id": next_id + n} for n, row in enumerate(batch)]
        next_id += len(numbered)
        stored = [{name: row[name] for name in ("id", *ENTRY_FIELDS)} for row in numbered]
        bulk_insert(connection, search_entries_t, stored, document_id)
        _index(connection, numbered)


def _index(connection: Connection, numbered: list[dict[str, Any]]) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(f"INSERT INTO {INDEX_TABLE} (entry_id, terms) VALUES (:id, to_tsvector('dutch', :folded))"),
            [{"id": row["id"], "folded": row["folded"]} for row in numbered],
        )
    else:  # straight to the driver: SQLAlchemy's parameter handling cost more than the insert
        connection.exec_driver_sql(
            f"INSERT INTO {INDEX_TABLE} (rowid, terms) VALUES (?, ?)", [(row["id"], row["stemmed"]) for row in numbered]
        )


# --------------------------------------------------------------------------- searching


ENTRY_COLUMNS = ("id", "kind", "key", "title", "page", "line", "text")


def search(connection: Connection, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entries holding every word of `query` (stemmed, accents folded), best first, with snippets."""
    wanted = set(terms(query))
    if not wanted:
        return []
    if connection.dialect.name == "postgresql":
        rows = _search_postgres(connection, query, limit)
    else:
        rows = _search_sqlite(connection, wanted, limit)
    return [_result(row, wanted) for row in rows]


def count(connection: Connection, query: str) -> int:
    """How many entries hold every word of `query`: the true total, not the page size."""
    wanted = set(terms(query))
    if not wanted:
        return 0
    if connection.dialect.name == "postgresql":
        counted = text(f"SELECT count(*) FROM {INDEX_TABLE}, plainto_tsquery('dutch', :query) AS q WHERE terms @@ q")
        return int(connection.scalar(counted, {"query": fold(query)}) or 0)
    match = " ".join('"' + term.replace('"', '""') + '"' for term in sorted(wanted))
    counted = text(f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :match")
    return int(connection.scalar(counted, {"match": match}) or 0)


def _search_sqlite(connection: Connection, wanted: Iterable[str], limit: int) -> list[dict[str, Any]]:
    # Each term quoted: FTS5 syntax characters in a query are then plain text; terms side by side mean AND.
    match = " ".join('"' + term.replace('"', '""') + '"' for term in sorted(wanted))
    hits = text(
        f"SELECT rowid AS id, bm25({INDEX_TABLE}) AS score FROM {INDEX_TABLE} "
        f"WHERE {INDEX_TABLE} MATCH :match ORDER BY score, rowid LIMIT :limit"
    )
    ranked = [(row.id, -row.score) for row in connection.execute(hits, {"match": match, "limit": limit})]
    return _entries(connection, ranked)


def _search_postgres(connection: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    hits = text(
        f"SELECT entry_id AS id, ts_rank(terms, q) AS score FROM {INDEX_TABLE}, "
        "plainto_tsquery('dutch', :query) AS q WHERE terms @@ q ORDER BY score DESC, entry_id LIMIT :limit"
    )
    ranked = [(row.id, row.score) for row in connection.execute(hits, {"query": fold(query), "limit": limit})]
    return _entries(connection, ranked)


def _entries(connection: Connection, ranked: list[tuple[int, float]]) -> list[dict[str, Any]]:
    """The entries behind ranked ids, in rank order, with their document's name and the score."""
    if not ranked:
        return []
    from .schema import documents_t

    query = (
        select(*(search_entries_t.c[c] for c in ENTRY_COLUMNS), documents_t.c.name.label("document"))
        .join(documents_t, documents_t.c.id == search_entries_t.c.document_id)
        .where(search_entries_t.c.id.in_(bindparam("ids", expanding=True)))
    )
    by_id = {row["id"]: dict(row) for row in connection.execute(query, {"ids": [i for i, _ in ranked]}).mappings()}
    return [by_id[i] | {"score": round(float(score), 6)} for i, score in ranked if i in by_id]


def _result(row: dict[str, Any], wanted: set[str]) -> dict[str, Any]:
    result = {"kind": row["kind"], "key": row["key"], "document": row["document"], "title": row["title"],
              "page": row["page"]}  # fmt: skip
    if row["line"] is not None:
        result["line"] = row["line"]
    return result | {"score": row["score"], "snippet": snippet(row["text"] or row["title"], wanted)}


def snippet(body: str, wanted: set[str]) -> str:
    """HTML: a window around the first matching word, escaped, with every matching word in <mark>."""
    words = list(WORD.finditer(body))
    first = next((m for m in words if stem(m.group()) in wanted), None)
    start = max(0, first.start() - SNIPPET_RADIUS) if first else 0
    end = min(len(body), (first.end() if first else 0) + SNIPPET_RADIUS)
    parts, cursor = [], start
    for match in words:
        if match.start() < start or match.end() > end or stem(match.group()) not in wanted:
            continue
        parts += [html.escape(body[cursor : match.start()]), f"<mark>{html.escape(match.group())}</mark>"]
        cursor = match.end()
    parts.append(html.escape(body[cursor:end]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(body) else "")
    return prefix + " ".join("".join(parts).split()) + suffix
