"""Finding messages in Dutch and English.

A rule says what it found as `say(key, **args)`: a catalogue key and its arguments (text as printed:
codes, stages, numbers already in Flemish format — 1.234,5 in both languages — or other `say`s).
The finding keeps that in `context["words"]` (language-neutral) and its English `message`;
`message(finding, lang)` renders it in the reader's language (the dashboard's, `--lang` on the CLI).
A finding stored before messages had words keeps its one message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..jsontext import encoder
from ..phrases import translate

LANGUAGES = ("nl", "en")
DEFAULT = "nl"

Said = dict[str, Any]  # {"k": key, "a": {name: str | Said}}

# key -> (Dutch, English)
CATALOGUE: dict[str, tuple[str, str]] = {
    # sums (findings.sum_finding)
    "sum": ("{what}: {parts} tellen op tot {sum}, gedrukt totaal {total}, verschil {difference}{note}",
            "{what}: {parts} add up to {sum}, printed total {total}, difference {difference}{note}"),
    "parts": ("de delen", "parts"),
    "articles": ("de artikelen", "articles"),
    "note.rounded": (" (anders afgerond: binnen één gedrukte eenheid)", " (rounded differently: within one printed unit)"),
    "note.perimeter": (" (het kader is '{perimeter}'; de afbakening kan verschillen)",
                       " (the frame is '{perimeter}'; perimeters may differ)"),
    "note.no_receipt": (" (geen artikel van het programma drukt deze ontvangst)",
                        " (no article of the program prints this receipt)"),
    "what.frame": ("ISE-kader {subject} {credit} {stage}", "ISE frame {subject} {credit} {stage}"),
    "what.programs": ("programma's {names} {credit} {stage}", "programs {names} {credit} {stage}"),
    "what.program_frames": ("ISE-kaders van programma {subject} {credit} {stage}",
                            "ISE frames of program {subject} {credit} {stage}"),
    "what.delta": ("tabel {table} {subject} {credit} {stage} {year} + DELTA",
                   "table {table} {subject} {credit} {stage} {year} + DELTA"),
    "what.slide_ises": ("slidetabel {table} ISE-rijen van {subject} {credit} {stage}",
                        "slide table {table} ISE rows of {subject} {credit} {stage}"),
    "what.slide_programs": ("slidetabel {table} programma's {credit} {stage}",
                            "slide table {table} programs {credit} {stage}"),
    "what.frame_articles": ("uitgavenartikelen van {subject} {credit} {stage}",
                            "expenditure articles of {subject} {credit} {stage}"),
    "what.receipts": ("ontvangsten van de artikelen van programma {subject} {credit} {stage}",
                      "receipts of the articles of program {subject} {credit} {stage}"),
    "what.apparatus": ("apparaatsprogramma {subject} {credit} {stage}", "apparatus program {subject} {credit} {stage}"),
    # execution
    "execution": ("{subject} {credit}: {what}: BU {bu} tegenover BA-JR {jr} ({ratio} %)",
                  "{subject} {credit}: {what}: BU {bu} vs BA-JR {jr} ({ratio} %)"),
    "execution.above": ("uitvoering boven het beschikbare krediet", "execution above available credit"),
    "execution.low": ("zeer lage uitvoering", "very low execution"),
    # prose
    "prose": ("{subject}: gedrukt {figure}{role} {verdict}: “{sentence}”",
              "{subject}: printed {figure}{role} {verdict}: “{sentence}”"),
    "prose.agrees": ("stemt overeen met {label} = {value}", "agrees with {label} = {value}"),
    "prose.rounded": ("anders afgerond: {label} = {value}", "rounded differently: {label} = {value}"),
    "prose.differs": ("komt niet overeen met {label} = {value}", "does not match {label} = {value}"),
    "role": (" ({what})", " ({what})"),
    "role.budget": ("het budget bij {stage}", "the budget at {stage}"),
    "role.available": ("het beschikbare krediet ({stage})", "the credit available ({stage})"),
    "role.execution": ("de uitvoering (BU)", "the execution (BU)"),
    "role.rate": ("de uitvoeringsgraad BU/{stage}", "the execution rate BU/{stage}"),
    "role.underuse": ("de onderbenutting {stage} − BU", "the under-use {stage} − BU"),
    "role.underuse-rate": ("de onderbenutting ({stage} − BU)/{stage}", "the under-use ({stage} − BU)/{stage}"),
    "role.difference": ("het verschil {stage} − BU", "the difference {stage} − BU"),
    "role.change": ("de wijziging {start} → {stage}", "the change {start} → {stage}"),
    "role.share": ("het aandeel van {amount} keuro in het beschikbare krediet",
                   "the share of {amount} keuro in the available credit"),
    "role.cause": ("de wijziging door {stage} (Kredietevolutie)", "the change by {stage} (Kredietevolutie)"),
    # slide statements
    "statement": ("{subject}: uitspraak {what} '{figure}' {verdict} {stage} {year} ({values}){hint}",
                  "{subject}: statement {what} '{figure}' {verdict} {stage} {year} ({values}){hint}"),
    "statement.total": ("totaal", "total"),
    "statement.change": ("wijziging", "change"),
    "statement.agrees": ("stemt overeen met", "agrees with"),
    "statement.rounded": ("is anders afgerond dan", "is rounded differently from"),
    "statement.differs": ("komt niet overeen met", "does not match"),
    "statement.hint": ("; het gedrukte cijfer is {stage} {year} {credit} van {subject} ({value})",
                       "; the printed figure matches {stage} {year} {credit} of {subject} ({value})"),
    # the reader's doubts
    "doubt": ("begroot weet niet zeker hoe het dit las: {why} ({finding})",
              "begroot is unsure how it read this: {why} ({finding})"),
    "doubt.table": ("begroot weet niet zeker hoe het de tabel op p.{page}, regel {line} las: {why}",
                    "begroot is unsure how it read the table at p.{page}, line {line}: {why}"),
    "doubt.at": ("tabel op p.{page}, regel {line}: {why}", "table at p.{page}, line {line}: {why}"),
    "doubt.left_out": ("een weggelaten tabel op p.{page}, regel {line}: {why}",
                       "a table left out at p.{page}, line {line}: {why}"),
    "doubt.repeated": ("stadium {stages} twee keer gelezen in één rij (een stadiumlabel afgebroken in zijn cel?)",
                       "stage {stages} read twice in one row (a stage label wrapped in its cell?)"),
    "reader": ("{text}", "{text}"),  # a reader's own words (warnings, doubts): said by `phrases.translate`
    "doubt.more": ("; en nog {count}", "; and {count} more"),
    "list": ("{first}; {rest}", "{first}; {rest}"),
    # documents against each other
    "conflict": ("{subject} {row} {credit} {stage} {year} verschilt tussen documenten: {printed}",
                 "{subject} {row} {credit} {stage} {year} differs between documents: {printed}"),
}  # fmt: skip


def say(key: str, **args: Any) -> Said:
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r}")
    return {"k": key, "a": args}


def render(said: Said | str, lang: str = DEFAULT) -> str:
    if isinstance(said, str):
        return said
    if said["k"] == "reader":  # the English a reader wrote, matched against the phrases it writes
        return translate(str(said["a"]["text"]), lang)
    dutch, english = CATALOGUE[said["k"]]
    template = dutch if lang == "nl" else english
    # Most words are text already: only nested words are rendered (a call per word was a tenth of the audit).
    return template.format_map({name: value if isinstance(value, str) else render(value, lang)
                                  for name, value in said["a"].items()})  # fmt: skip


_COMPACT = encoder(ensure_ascii=False, separators=(",", ":"))  # made once: json.dumps makes one a call


def words(said: Said) -> str:
    """The words of a finding as kept in its context: compact JSON."""
    return _COMPACT(said)


def message(finding: Any, lang: str = DEFAULT) -> str:
    """A finding's message (a `Finding` or its dict) in `lang`; its stored message when it has no words."""
    context = finding.get("context") if isinstance(finding, Mapping) else getattr(finding, "context", None)
    stored = finding.get("message", "") if isinstance(finding, Mapping) else getattr(finding, "message", "")
    text = (context or {}).get("words") if isinstance(context, Mapping) else None
    if not text:
        return str(stored or "")
    try:
        return render(json.loads(text), lang)
    except (ValueError, KeyError, IndexError, TypeError):  # words of another version: the stored message
        return str(stored or "")
