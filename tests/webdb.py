"""A SQLite database ingested from the samples (with audit findings), shared by the API and browser tests."""

from __future__ import annotations

import re
from pathlib import Path

from begroot.audit import audit_document, load_and_parse
from begroot.store import Store
from begroot.web import glossary

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def ingest_samples(folder: Path) -> str:
    return ingest_into(f"sqlite:///{folder / 'web.sqlite'}")


def ingest_into(url: str) -> str:
    """Both samples, with their audit findings, into the database at `url`."""
    with Store(url) as store:
        for path in sorted(SAMPLES.glob("*.txt")):
            document, source = load_and_parse(path)
            findings = [finding.as_dict() for finding in audit_document(document, source)]
            store.ingest(document, findings, original=path.read_bytes())
    return url


TERM = r'<a class="term" href="/glossary#([a-z0-9-]+)"><abbr title="[^"]+">[^<]+</abbr></a>'


def term_headers(html: str) -> tuple[list[str], list[str]]:
    """(header cells whose text is a term, those of them not explained and linked)."""
    headers = re.findall(r"<th\b[^>]*>(.*?)</th>", html, flags=re.S)
    texts = [re.sub(r"<[^>]+>", "", h).strip() for h in headers]
    terms = [h for h, text in zip(headers, texts, strict=True)
             if text and all(glossary.explain(w, "nl") for w in ([text] if glossary.explain(text, "nl") else text.split()))]  # fmt: skip
    return terms, [h for h in terms if not re.fullmatch(rf"{TERM}(?: {TERM})*", h)]
