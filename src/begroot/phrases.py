"""What the readers say of what they could not read well (warnings, doubts), in English and in Dutch.

The readers write their warnings in English (the model's JSON, the CLI, the database keep that text). As in
gettext, the English text is the key: `translate` matches it against these templates and says it in the
reader's language, so a warning stored by any version of begroot is shown in Dutch on a Dutch page and inside
a Dutch finding. A text that matches no template is shown as it was written; a test runs every reader over
the samples and generated documents (damaged ones too) and fails on a warning or doubt no template knows.
"""

from __future__ import annotations

import re
from functools import cache

# (English, Dutch), the most specific first. A `{name}` is any text; `{why}` is itself a phrase, translated.
PHRASES: tuple[tuple[str, str], ...] = (
    ("table left out: {why}", "tabel weggelaten: {why}"),
    ("cannot tell what it is about (caption {caption}; rows {rows})",
     "niet te zeggen waarover ze gaat (titel {caption}; rijen {rows})"),
    ("row {label} has {count} of {columns} numbers and no one place of its blank cells makes the table add up",
     "rij {label} heeft {count} van de {columns} getallen en geen enkele plaats van haar lege cellen doet de "
     "tabel kloppen"),
    ("its rows give one key two values ({where}); no reading of it is clean",
     "haar rijen geven één sleutel twee waarden ({where}); geen enkele lezing ervan is zuiver"),
    ("it gives {stage} {year} {credit} of {subject} the value {value}, the table on p.{page} line {line} {other}",
     "ze geeft {stage} {year} {credit} van {subject} de waarde {value}, de tabel op p.{page}, regel {line}: "
     "{other}"),
    ("{count} rows and no way to tell them apart", "{count} rijen en geen manier om ze te onderscheiden"),
    ("row {label} (line {line}) is not a budget stage", "rij {label} (regel {line}) is geen begrotingsstadium"),
    ("row {label} is not a budget stage", "rij {label} is geen begrotingsstadium"),
    ("a header without rows", "een hoofding zonder rijen"),
    ("header words not understood: {words}", "woorden van de hoofding niet begrepen: {words}"),
    ("rows of numbers without a table header above them", "rijen getallen zonder tabelhoofding erboven"),
    ("a row whose cells are not all numbers ({text})", "een rij waarvan niet elke cel een getal is ({text})"),
    ("{count} number(s) that fit no row were left out", "{count} getal(len) die in geen rij passen, weggelaten"),
    ("two numbers under one column", "twee getallen onder één kolom"),
    ("a row with {count} of {columns} numbers", "een rij met {count} van de {columns} getallen"),
    ("ISE frame {title} has no Totaal row", "ISE-kader {title} heeft geen rij Totaal"),
    ("grid row {label} not understood; its numbers are left out",
     "rij {label} van het overzicht niet begrepen; haar getallen zijn weggelaten"),
    ("row {label} of a credit evolution is not a budget stage; its numbers are left out",
     "rij {label} van een kredietevolutie is geen begrotingsstadium; haar getallen zijn weggelaten"),
    ("no articles under ISE {title}: program unknown", "geen artikels onder ISE {title}: programma onbekend"),
    ("article code {printed} read as {code}", "artikelcode {printed} gelezen als {code}"),
    # a table's doubts (`Table.doubts`)
    ("one key read twice: {where}", "één sleutel twee keer gelezen: {where}"),
    ("its rows read {count} ways ({ways}) and in none do the parts add up to Totaal",
     "haar rijen laten zich op {count} manieren lezen ({ways}) en in geen enkele tellen de delen op tot Totaal"),
    ("{stage} {year} {credit} of {subject} is {value} on p.{page} line {line}",
     "{stage} {year} {credit} van {subject} is {value} op p.{page}, regel {line}"),
    # the sources
    ("not UTF-8: read as Windows-1252 (Latin-1)", "geen UTF-8: gelezen als Windows-1252 (Latin-1)"),
    ("{count} invalid UTF-8 byte replaced (U+FFFD) on line {lines}",
     "{count} ongeldige UTF-8-byte vervangen (U+FFFD) op regel {lines}"),
    ("{count} invalid UTF-8 bytes replaced (U+FFFD) on line {lines}",
     "{count} ongeldige UTF-8-bytes vervangen (U+FFFD) op regel {lines}"),
    ("{count} invalid UTF-8 bytes replaced (U+FFFD) on lines {lines}",
     "{count} ongeldige UTF-8-bytes vervangen (U+FFFD) op regels {lines}"),
    ("damaged page (cannot be loaded); its text is left out",
     "beschadigde pagina (kan niet geladen worden); de tekst ervan is weggelaten"),
    ("damaged page (text cannot be read); its text is left out",
     "beschadigde pagina (tekst kan niet gelezen worden); de tekst ervan is weggelaten"),
    ("no text layer; needs OCR", "geen tekstlaag; OCR nodig"),
)  # fmt: skip

FIELD = re.compile(r"\{(\w+)\}")
# Fields whose text holds an English joining word of its own: the readings a frame's rows allow (`esr, is or
# is, other`: the categories are the model's codes, the `or` is English).
FIELD_WORDS = {"ways": (" or ", " of ")}


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each English template as a pattern whose groups are its fields."""
    compiled = []
    for english, dutch in PHRASES:
        parts = FIELD.split(english)  # text, field, text, field, ..., text
        pattern = "".join(re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts))
        compiled.append((re.compile(pattern, re.S), dutch))
    return tuple(compiled)


def _matched(text: str) -> tuple[dict[str, str], str] | None:
    """The fields of the template the text matches, and that template's Dutch; None when none matches."""
    for pattern, dutch in _patterns():
        found = pattern.fullmatch(text)
        if found:
            return found.groupdict(), dutch
    return None


def translate(text: str, lang: str) -> str:
    """A reader's English words in `lang` (`nl`: Dutch); unchanged in English or when no template knows them."""
    matched = _matched(text) if lang != "en" and text else None
    if matched is None:
        return text
    values, dutch = matched
    if "why" in values:
        values["why"] = translate(values["why"], lang)
    for name, (english, dutch_word) in FIELD_WORDS.items():
        if name in values:
            values[name] = values[name].replace(english, dutch_word)
    return dutch.format(**values)


def knows(text: str) -> bool:
    """Whether a template matches the text (and, for `table left out: ...`, the reason too)."""
    matched = _matched(text)
    return matched is not None and ("why" not in matched[0] or knows(matched[0]["why"]))
