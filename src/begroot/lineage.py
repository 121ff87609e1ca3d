"""Code changes a document states: an article whose summary or explanation names its former code
(`Vroeger artikel <code>.`, `voorheen <code>`, `(ex <code>)`: `VOCABULARY.former_code`). Found at ingest
and stored with the document (`code_links`), so the store links the two codes' timelines (store/lineage.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Article, Document, Paragraph
from .vocabulary import VOCABULARY


@dataclass
class CodeLink:
    old_code: str
    new_code: str
    page: int
    line: int
    words: str  # as printed: `Vroeger artikel <code>`


def _place(article: Article, paragraphs: list[Paragraph], offset: int) -> tuple[int, int]:
    """The page and first line of the paragraph holding the offset (else the article's heading)."""
    found = next((p for p in paragraphs if p.start <= offset < p.end), None)
    return (found.page, found.line) if found else (article.page, article.line)


def code_links(doc: Document) -> Iterator[CodeLink]:
    for article in doc.articles:
        for text, paragraphs in ((article.summary, article.summary_paragraphs),
                                 (article.explanation, article.explanation_paragraphs)):  # fmt: skip
            if not any(word in text.lower() for word in VOCABULARY.former_words):
                continue
            for match in VOCABULARY.former_code.finditer(text):
                if match.group("code") != article.code:
                    page, line = _place(article, paragraphs, match.start())
                    yield CodeLink(match.group("code"), article.code, page, line, match.group(0))
