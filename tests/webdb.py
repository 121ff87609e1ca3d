"""A SQLite database ingested from the samples (with audit findings), shared by the API and browser tests."""

from __future__ import annotations

from pathlib import Path

from begroot.audit import audit_document, load_and_parse
from begroot.store import Store

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
