"""What to generate, shared by the text corpus (`corpus.py`) and the word-processor PDFs (`pdf.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from .text import TextStyle


@dataclass(frozen=True)
class Plan:
    """What to generate: one document."""

    seed: int
    kind: str
    stage: str
    year_index: int
    style: TextStyle
    style_seed: int
