"""Never a traceback: mutated generated documents, mutated samples and random bytes.

Every reader step (sources.load_bytes, parse, audit) either returns its result or raises a
BegrootError whose message is one line naming the file.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from begroot.audit import audit_document
from begroot.errors import BegrootError
from begroot.parse import parse
from begroot.sources import load_bytes
from begroot.testing import random_budget, random_style, render_text
from test_readings import no_key_twice

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
LABEL = "fuzzed-document.txt"


@cache
def generated_texts() -> tuple[str, ...]:
    texts = []
    for seed, (kind, stage) in enumerate([("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")]):
        budget = random_budget(seed + 50)
        style = random_style(random.Random(seed))
        texts.append(render_text(budget, kind, stage, budget.years[1], style).text)
    return tuple(texts)


@cache
def sample_texts() -> tuple[str, ...]:
    # The report sample cut to a few thousand lines keeps each example fast.
    return tuple("\n".join(p.read_text(encoding="utf-8").split("\n")[:2500]) for p in SAMPLES)


def mutate(text: str, rng: random.Random, kind: str) -> str:
    lines = text.split("\n")
    if kind == "drop":
        lines = [line for line in lines if rng.random() > 0.1]
    elif kind == "shuffle":
        start = rng.randrange(len(lines))
        window = lines[start : start + 60]
        rng.shuffle(window)
        lines[start : start + 60] = window
    elif kind == "cut":
        lines = lines[rng.randrange(len(lines)) :][: rng.randrange(1, len(lines) + 1)]
    else:  # characters replaced
        chars = list("\n".join(lines))
        for _ in range(max(1, len(chars) // 200)):
            chars[rng.randrange(len(chars))] = rng.choice("0123456789.-–, \f\t()ABCVEKJRéx")
        return "".join(chars)
    return "\n".join(lines)


def read(data: bytes) -> None:
    try:
        source = load_bytes(LABEL, data)
        document = parse(source)
        no_key_twice(document)
        audit_document(document, source)
    except BegrootError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(LABEL), message


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(min_value=0, max_value=5), seed=st.integers(min_value=0, max_value=2**16),
       kind=st.sampled_from(["drop", "shuffle", "cut", "replace"]))  # fmt: skip
def test_mutated_documents_never_crash(which: int, seed: int, kind: str) -> None:
    texts = generated_texts() + sample_texts()
    text = texts[which % len(texts)]
    read(mutate(text, random.Random(seed), kind).encode("utf-8"))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(data=st.binary(min_size=0, max_size=4096))
def test_random_bytes_never_crash(data: bytes) -> None:
    read(data)
    read(b"%PDF-1.7\n" + data)


@cache
def sample_pdf() -> bytes:
    """The slide-deck sample drawn as an uncompressed PDF, so mutations hit text and structure alike."""
    from pdfgen import render_pages, source_pages

    return render_pages(source_pages(SAMPLES[1])[:4])


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**16), share=st.sampled_from([0.0005, 0.005, 0.05]))
def test_damaged_pdfs_never_crash(seed: int, share: float) -> None:
    """A real PDF with bytes overwritten (its end-of-file marker kept, so PDFium gets to read it)."""
    rng = random.Random(seed)
    data = bytearray(sample_pdf())
    body = len(data) - 2048
    for _ in range(max(1, int(body * share))):
        data[rng.randrange(body)] = rng.randrange(256)
    read(bytes(data))
