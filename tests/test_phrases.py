"""The readers' warnings and doubts said in Dutch (`phrases.py`): every one the readers write, on the samples and
on generated documents in both styles, whole and with a table damaged, is known to a template; a Dutch page and
a Dutch finding show them in Dutch, an English one as written."""

from __future__ import annotations

import random
from pathlib import Path

from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.audit import audit_document
from begroot.audit.messages import message
from begroot.model import Document
from begroot.parse import parse
from begroot.phrases import PHRASES, knows, translate
from begroot.sources import load_bytes
from begroot.store import Store
from begroot.testing import random_budget, random_style, render_text
from begroot.testing.corpus import generate, plan
from test_blast_radius import CORRUPTIONS, KINDS, damaged

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ENGLISH_WORDS = ("table", "row", "left out", "number", "not ", " or ")


def said(document: Document) -> list[str]:
    """Every warning and doubt the readers wrote into a document."""
    return [w.message for w in document.warnings] + [d for t in document.tables for d in t.doubts]


def documents() -> list[Document]:
    """The samples; generated documents of both styles; and each with one table damaged in each way."""
    found = [parse(load_bytes(p.name, p.read_bytes())) for p in sorted(SAMPLES.glob("*.txt"))]
    for number in range(24):
        made = generate(plan(number, 11, "adversarial" if number % 2 else "standard"))
        found.append(parse(load_bytes(f"{made.name}.txt", made.text.encode("utf-8"))))
    for seed in range(12):
        budget = random_budget(seed)
        kind, stage = KINDS[seed % len(KINDS)]
        generated = render_text(budget, kind, stage, budget.years[1], random_style(random.Random(seed)), seed=seed)
        for number, how in enumerate(CORRUPTIONS):
            hurt = damaged(generated, seed + number, how, random.Random(seed))
            if hurt is not None:
                found.append(parse(load_bytes(f"{generated.name}.txt", hurt[0].encode("utf-8"))))
    return found


def test_every_word_a_reader_writes_has_its_dutch() -> None:
    seen = [text for document in documents() for text in said(document)]
    assert len(seen) > 50  # the damaged tables give many kinds of warnings and doubts
    unknown = sorted({text for text in seen if not knows(text)})
    assert not unknown, unknown[:10]
    for text in seen:
        dutch = translate(text, "nl")
        assert dutch != text and not any(word in dutch for word in ENGLISH_WORDS), (text, dutch)
        assert translate(text, "en") == text


def test_bad_bytes_are_said_in_dutch() -> None:
    for data in (b"Tabel \xe9\xe9n\n" * 3, b"ok\nbad \xff\n" + b"ok\n" * 5, b"ok \xc3\n" * 4):
        warnings = load_bytes("bad.txt", data).warnings
        assert warnings and all(knows(w.message) for w in warnings), [w.message for w in warnings]


def test_every_template_says_the_same_fields_in_both_languages() -> None:
    import re

    for english, dutch in PHRASES:
        assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(re.findall(r"\{(\w+)\}", dutch)), english


def test_a_doubt_is_dutch_in_the_finding_and_on_the_document_page(tmp_path: Path) -> None:
    """A damaged table's doubts and warnings: the finding's Dutch message holds no English reader phrase, and
    the document page (Dutch by default) shows its left-out tables in Dutch."""
    for seed in range(40):
        budget = random_budget(seed)
        generated = render_text(budget, "report", "BU", budget.years[1], random_style(random.Random(seed)), seed=seed)
        hurt = damaged(generated, seed, "row", random.Random(seed))
        if hurt is None:
            continue
        source = load_bytes(f"{generated.name}.txt", hurt[0].encode("utf-8"))
        document = parse(source)
        findings = [f for f in audit_document(document, source) if f.rule == "reading-doubt"]
        if findings and document.warnings:
            break
    else:
        raise AssertionError("no damaged document gave a reading doubt and a warning")
    for finding in findings:
        english, dutch = message(finding, "en"), message(finding, "nl")
        assert english == finding.message
        reader_words = [d for t in document.tables for d in t.doubts] + [w.message for w in document.warnings]
        assert not [w for w in reader_words if w in dutch], dutch
    url = f"sqlite:///{tmp_path / 'doubt.sqlite'}"
    with Store(url) as store:
        store.ingest(document, [f.as_dict() for f in findings], original=hurt[0].encode("utf-8"))
    client = TestClient(create_app(url), base_url="http://localhost")
    page = client.get(f"/documents/{document.name}").text
    english_page = client.get(f"/documents/{document.name}?lang=en").text
    for warning in document.warnings:
        assert translate(warning.message, "nl") in page.replace("&#39;", "'").replace("&#34;", '"')
        assert warning.message in english_page.replace("&#39;", "'").replace("&#34;", '"')
