"""One helper per job on printed text: title case, lines joined across hyphenation, paragraphs."""

from __future__ import annotations

SMALL_WORDS = {"en", "van", "de", "het", "der", "voor", "in", "op", "met", "of", "te", "tot", "aan", "bij", "uit"}


def title_case(text: str) -> str:
    """`WELZIJN, VOLKSGEZONDHEID EN GEZIN` -> `Welzijn, Volksgezondheid en Gezin`; short acronyms (WSE) stay."""
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in SMALL_WORDS:
            words.append(lower)
        elif len(word) <= 3 and word.isupper() and lower not in SMALL_WORDS:
            words.append(word)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


VOWELS = set("aeiouy")


def join_lines(parts: list[str]) -> str:
    """Lines of one label or sentence joined; a word hyphenated at a line end (`uit-` / `gaven`) is rejoined.

    The hyphen stays where Dutch writes one: after an acronym (`ESR-uitgaven`) and between two vowels
    that would run together (`thema-overschrijdend`).
    """
    text = ""
    for part in parts:
        part = part.strip()
        if text.endswith("-") and not text.endswith(" -") and part[:1].islower():
            text = text + part if _keeps_hyphen(text[-2:-1], part[:1]) else text[:-1] + part
        else:
            text = f"{text} {part}".strip()
    return " ".join(text.split())


def _keeps_hyphen(before: str, after: str) -> bool:
    return before.isupper() or (before.lower() in VOWELS and after.lower() in VOWELS)


def join_prose(parts: list[str]) -> str:
    """Lines joined into paragraphs: blank lines separate paragraphs, hyphenated words are rejoined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for part in parts:
        if part:
            current.append(part)
        elif current:
            paragraphs.append(join_lines(current))
            current = []
    if current:
        paragraphs.append(join_lines(current))
    return "\n\n".join(paragraphs)
