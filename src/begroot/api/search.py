"""Dutch-aware full-text search over article texts and section prose.

Words are accent-folded (unicodedata NFKD without combining marks), lower-cased and
stemmed with snowball 'dutch', so 'opleiding' finds 'opleidingen' and 'financiele'
finds 'financiële'. The inverted index lives in memory; it is built lazily from the
database and rebuilt when the set of stored documents (their sha256s) changes.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from sqlalchemy import Engine

from ..store import queries

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_RADIUS = 90
_stemmer = snowballstemmer.stemmer("dutch")
_stem_lock = threading.Lock()  # snowball stemmer objects keep state between calls


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    with _stem_lock:
        return _stemmer.stemWord(fold(word))


def terms(text: str) -> list[str]:
    return [stem(match.group()) for match in WORD.finditer(text)]


@dataclass
class Index:
    """Postings point to distinct texts, not entries: the same article text printed in the BO, BA and
    BU documents of a year (or in many copies) is stemmed and stored once, then expanded on a hit."""

    signature: tuple[str, ...] = ()
    entries: list[dict[str, Any]] = field(default_factory=list)
    postings: dict[str, Counter[int]] = field(default_factory=dict)
    texts: list[list[int]] = field(default_factory=list)  # distinct text -> its entries

    @classmethod
    def build(cls, signature: tuple[str, ...], corpus: list[dict[str, Any]]) -> Index:
        postings: dict[str, Counter[int]] = defaultdict(Counter)
        text_ids: dict[str, int] = {}
        texts: list[list[int]] = []
        for number, entry in enumerate(corpus):
            text = f"{entry['title']} {entry['text'] or ''}"
            text_id = text_ids.get(text)
            if text_id is None:
                text_id = text_ids[text] = len(texts)
                texts.append([])
                # Count words first and stem each distinct word once: texts repeat their words a lot.
                for word, count in Counter(WORD.findall(text.lower())).items():
                    postings[stem(word)][text_id] += count
            texts[text_id].append(number)
        return cls(signature, corpus, dict(postings), texts)

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        wanted = set(terms(query))
        if not wanted:
            return []
        # Every query word must occur (AND); the rank is the summed term frequency.
        hits: Counter[int] | None = None
        for term in wanted:
            found = self.postings.get(term, Counter())
            hits = found.copy() if hits is None else Counter({n: hits[n] + found[n] for n in hits if n in found})
        scored = [(number, score) for text_id, score in (hits or {}).items() for number in self.texts[text_id]]
        ranked = sorted(scored, key=lambda item: (-item[1], item[0]))[:limit]
        return [self._result(self.entries[number], score, wanted) for number, score in ranked]

    @staticmethod
    def _result(entry: dict[str, Any], score: int, wanted: set[str]) -> dict[str, Any]:
        result = {key: value for key, value in entry.items() if key != "text"}
        return result | {"score": score, "snippet": snippet(entry["text"] or entry["title"], wanted)}


def snippet(text: str, wanted: set[str]) -> str:
    """HTML: a window around the first matching word, escaped, with every matching word in <mark>."""
    words = list(WORD.finditer(text))
    first = next((m for m in words if stem(m.group()) in wanted), None)
    start = max(0, first.start() - SNIPPET_RADIUS) if first else 0
    end = min(len(text), (first.end() if first else 0) + SNIPPET_RADIUS)
    parts, cursor = [], start
    for match in words:
        if match.start() < start or match.end() > end or stem(match.group()) not in wanted:
            continue
        parts += [html.escape(text[cursor : match.start()]), f"<mark>{html.escape(match.group())}</mark>"]
        cursor = match.end()
    parts.append(html.escape(text[cursor:end]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return prefix + " ".join("".join(parts).split()) + suffix


class SearchIndex:
    """The index for one database, rebuilt when its documents change; safe to share between threads."""

    def __init__(self, engine: Engine, on_build: Callable[[], None] | None = None):
        self.engine = engine
        self._index = Index()
        self._lock = threading.Lock()
        self._on_build = on_build

    def current(self) -> Index:
        with self.engine.connect() as connection:
            signature = queries.signature(connection)
            if signature == self._index.signature and self._index.entries:
                return self._index
            with self._lock:
                if signature != self._index.signature or not self._index.entries:
                    self._index = Index.build(signature, queries.search_corpus(connection))
                    if self._on_build:
                        self._on_build()
        return self._index

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        return self.current().search(query, limit)
