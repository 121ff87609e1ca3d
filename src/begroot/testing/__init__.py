"""Generated BBT documents with their expected fact tables, for round-trip tests and benchmarks.

`budget.random_budget(seed)` draws a policy domain whose numbers add up and chain over the years;
`text.render_text` writes it as converter text in one of many styles (`TextStyle`), `pdf.render_pdfs`
as word-processor PDFs (python-docx + LibreOffice); each returns a `GeneratedDocument` holding the
facts the document prints (docs/fact-table.md semantics). `corpus.write_corpus` writes many of them.
See docs/generator.md.
"""

from __future__ import annotations

from .budget import Budget, random_budget
from .document import ExpectedFact, ExpectedStatement, GeneratedDocument
from .text import TextStyle, adversarial_style, random_style, render_text

__all__ = [
    "Budget",
    "ExpectedFact",
    "ExpectedStatement",
    "GeneratedDocument",
    "TextStyle",
    "adversarial_style",
    "random_budget",
    "random_style",
    "render_text",
]
