"""One vocabulary, passed in: the readers hold no Dutch word of their own, and the vocabulary `parse` is given
is the one every reader uses (a changed word changes what they recognise)."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

from begroot.errors import NotABudgetDocument
from begroot.model import Document
from begroot.parse import parse
from begroot.sources import load_bytes
from begroot.testing import TextStyle, random_budget, render_text
from begroot.vocabulary import VOCABULARY, Vocabulary

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "begroot"
# The readers, and the audit modules that read the documents' prose; the audit's messages (Dutch and
# English by design) and the vocabulary itself are not scanned.
SCANNED = sorted(
    [*PACKAGE.glob("parse/*.py"), *PACKAGE.glob("sources/*.py"), *PACKAGE.glob("audit/*.py")],
)
NOT_SCANNED = {"messages.py"}
# Words of the vocabulary that are English as well, or names of the model's own values (stage and credit
# codes, goal codes, frame categories) that readers compare facts with: in a plain string they are no
# document word. In a pattern (a string with regex syntax) a code is a document word all the same.
ENGLISH = {"after", "available", "cause", "change", "court", "audit", "decisions", "delta", "end", "euro",
           "execution", "index", "item", "lead", "other", "page", "rate", "resolutions", "rulings", "shortfall", "stated",
           "stage", "total", "underuse", "budget", "protocol", "april", "september", "november"}  # fmt: skip
CODES = {"BA", "BO", "BU", "JR", "VAK", "VEK", "AO", "TO", "LO", "SD", "OD", "ISE", "ESR", "DELTA"}
# A sentence in English (a warning, a doubt, a description) may name a row or a table as the document does.
ENGLISH_SENTENCE = re.compile(r"\b(?:the|no|not|has|add|under|read|found|frame|row|table|printed|first|unknown)\b")
REGEX_SYNTAX = re.compile(r"\\[bdswBDSW]|\(\?|[\^$]|\|")


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module but its docstrings; an f-string's parts as one string."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings: set[int] = set()
    parts_of_fstrings: set[int] = set()
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            parts_of_fstrings.update(id(v) for v in parts)
            found.append((node.lineno, " ".join(str(v.value) for v in parts)))
    for node in ast.walk(tree):
        quoted = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if quoted and id(node) not in docstrings and id(node) not in parts_of_fstrings:
            found.append((node.lineno, str(node.value)))
    return found


def _words(text: str) -> list[str]:
    """The words of a string; a pattern's group names, flags and escapes are no words."""
    text = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]|\(\?[aiLmsux]+[:)]", " ", text)
    return re.findall(r"[A-Za-zÀ-ÿ]+", text)


def _dutch_words() -> set[str]:
    """The vocabulary's words: those of its strings, lower case, four letters or more, English ones aside."""
    words = {w.lower() for _, text in _strings(PACKAGE / "vocabulary.py") for w in _words(text)}
    return {w for w in words if len(w) >= 4 and w not in ENGLISH}


def _document_words(text: str, dutch: set[str]) -> list[str]:
    pattern = bool(REGEX_SYNTAX.search(text))
    if not pattern and ENGLISH_SENTENCE.search(text):
        return []
    return [w for w in _words(text) if w.lower() in dutch or (pattern and w in CODES)]


def test_the_scan_knows_the_vocabulary_words() -> None:
    """The scan below can fail: it finds the words of the vocabulary in a pattern written elsewhere."""
    dutch = _dutch_words()
    assert {"duizend", "kredietevolutie", "beleidsveld", "afkortingen", "januari", "keuro"} <= dutch
    assert _document_words(r"(?i)^\s*korte inhoud", dutch) == ["korte", "inhoud"]
    assert _document_words(r"^ISE\b", dutch) == ["ISE"]
    assert _document_words("BU", dutch) == []  # a stage code compared with, not read
    assert _document_words("no Totaal row", dutch) == []  # an English warning naming a row


def test_no_dutch_word_outside_the_vocabulary() -> None:
    dutch = _dutch_words()
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {words} in {text[:60]!r}"
        for path in SCANNED
        if path.name not in NOT_SCANNED
        for line, text in _strings(path)
        if (words := _document_words(text, dutch))
    ]
    assert not found, "Dutch words outside vocabulary.py:\n" + "\n".join(found)


def test_no_reader_reads_the_vocabulary_from_a_module_global() -> None:
    """The readers (parse and sources) are given their vocabulary: `VOCABULARY` may stand only as a parameter's
    default (`parse(source, vocabulary=VOCABULARY)`), never be consulted inside a reader."""
    consulted = []
    for path in [*PACKAGE.glob("parse/*.py"), *PACKAGE.glob("sources/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defaults = {
            id(default)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for default in [*node.args.defaults, *node.args.kw_defaults]
            if default is not None
        }
        consulted += [
            f"{path.relative_to(PACKAGE)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id == "VOCABULARY" and id(node) not in defaults
        ]
    assert consulted == []


def _generated(seed: int, kind: str = "report") -> str:
    budget = random_budget(seed)
    stage = "BO" if kind == "slides" else "BU"
    return render_text(budget, kind, stage, budget.years[1], TextStyle(), seed=seed).text


def _parse(text: str, vocabulary: Vocabulary = VOCABULARY) -> Document:
    return parse(load_bytes("generated.txt", text.encode("utf-8")), vocabulary)


def _facts(doc: Document) -> list[tuple[object, ...]]:
    return [(f.scope, f.subject, f.row, f.credit, f.year, f.stage, f.value) for f in doc.facts]


def _facts_or_refused(text: str) -> list[tuple[object, ...]]:
    try:
        return _facts(_parse(text))
    except NotABudgetDocument:
        return []


def test_a_changed_unit_word_is_what_the_tables_are_found_by() -> None:
    text = _generated(3)
    original = _parse(text)
    english = text.replace("duizend euro", "thousand euro")
    assert english != text
    assert _facts_or_refused(english) != _facts(original)  # the default vocabulary misses the tables
    words = replace(
        VOCABULARY,
        unit_line=re.compile(r"(?i)\(?\s*(?:in\s+)?thousand\s+euro\s*\)?"),
        unit_hint="housand",
        header_words=VOCABULARY.header_words | {"thousand", "(thousand"},
    )
    read = _parse(english, words)
    assert original.facts and _facts(read) == _facts(original)
    assert (read.stage, read.year) == (original.stage, original.year)


def test_a_changed_stage_word_is_what_the_columns_are_read_by() -> None:
    text = _generated(5)
    original = _parse(text)
    renamed = re.sub(r"\bBU\b", "REAL", text)
    words = replace(
        VOCABULARY,
        stage=re.compile(VOCABULARY.stage.pattern.replace("|BU|", "|REAL|")),
        stage_label=re.compile(VOCABULARY.stage_label.pattern.replace("|BU|", "|REAL|")),
        header_words=VOCABULARY.header_words | {"REAL"},
    )
    read = _parse(renamed, words)
    assert "REAL" in {f.stage for f in read.facts}  # the stage is named as the vocabulary reads it
    assert len(read.facts) == len(original.facts)
    assert len(_facts_or_refused(renamed)) < len(original.facts)  # the default vocabulary reads no `REAL`


def test_a_changed_part_title_is_what_the_articles_are_read_by() -> None:
    text = _generated(7)
    original = _parse(text)
    assert any(a.summary for a in original.articles)
    renamed = text.replace("Korte inhoud begrotingsartikel", "Samenvatting begrotingsartikel")
    assert not any(a.summary for a in _parse(renamed).articles)
    words = replace(VOCABULARY, summary_start=re.compile(r"(?i)^\s*samenvatting"))
    read = _parse(renamed, words)
    assert [a.summary for a in read.articles] == [a.summary for a in original.articles]


def test_a_changed_statement_word_is_what_the_slides_are_read_by() -> None:
    text = _generated(11, "slides")
    original = _parse(text)
    assert original.kind == "slides" and original.statements
    renamed = re.sub(r"(?i)totaal beleidskrediet", "Totaal beleidsbudget", text)
    assert not _parse(renamed).statements
    words = replace(VOCABULARY, policy_credit=r"totaal\s+beleidsbudget")
    read = _parse(renamed, words)
    assert [(s.subject, s.total, s.change) for s in read.statements] == [
        (s.subject, s.total, s.change) for s in original.statements
    ]


def test_a_changed_page_word_is_what_the_sources_find_pages_by() -> None:
    """The sources are readers too: the page numbers and running lines they set apart are the vocabulary's."""
    budget = random_budget(3)
    style = TextStyle(page_numbers=True, page_mark="none")
    text = render_text(budget, "report", "BU", budget.years[1], style, seed=3).text
    german = re.sub(r"(?m)^(\s*)(\d{1,4})\s*$", r"\1Seite \2", text)
    assert german != text
    default = load_bytes("generated.txt", german.encode("utf-8"))
    assert not any(page.printed_number for page in default.pages)  # `Seite 3` is a line of text to it
    words = replace(VOCABULARY, page_number=re.compile(r"^\s*(?:seite\s*)?(\d{1,4})\s*$", re.I))
    read = load_bytes("generated.txt", german.encode("utf-8"), vocabulary=words)
    original = load_bytes("generated.txt", text.encode("utf-8"))
    assert [p.printed_number for p in read.pages] == [p.printed_number for p in original.pages]
    assert len(read.pages) > 10 and not any(line.text.startswith("Seite") for line in read.lines)
    assert _facts(parse(read, words)) == _facts(parse(original))


def test_a_slide_label_names_the_ise_its_abbreviation_ends() -> None:
    """Written-out words pick the ISE whose name ends in their abbreviation, for every pair the vocabulary
    knows; a label without them picks the ISE without one."""
    from begroot.model import Ise
    from begroot.parse.slides import _match_label

    words = replace(VOCABULARY, abbreviations=(*VOCABULARY.abbreviations, ("lokale besturen", "LB")))
    ises = [Ise(f"JD:{n}", name, "JD", "", "", 1, 1) for n, name in enumerate(
        ["Activering", "Activering SE", "Activering LB"])]  # fmt: skip
    assert _match_label("Activering (lokale besturen)", ises, words) == "JD:2"
    assert _match_label("Activering (sociale economie)", ises, words) == "JD:1"
    assert _match_label("Activering (werk)", ises, words) == "JD:0"
    assert _match_label("Activering (lokale besturen)", ises, VOCABULARY) == "JD:0"  # no such pair: none preferred
