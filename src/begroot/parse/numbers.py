"""Dutch number formats as printed in BBTs: `1.581.119`, `-56`, `98,8%`, `1,2 miljard`."""

from __future__ import annotations

import re

# An amount in thousand euro: thousands separated by dots, optional sign.
INTEGER = r"[-−–]?\s?\d{1,3}(?:\.\d{3})+|[-−–]?\d+"
INTEGER_TOKEN = re.compile(rf"^(?:{INTEGER})$")
YEAR = re.compile(r"^(19|20)\d{2}$")


def parse_int(token: str) -> int | None:
    """`1.581.119` -> 1581119; `-56` -> -56; anything else -> None."""
    token = token.strip().replace("−", "-").replace("–", "-").replace(" ", "")
    if not INTEGER_TOKEN.match(token):
        return None
    return int(token.replace(".", ""))


def parse_decimal(token: str) -> float | None:
    """Dutch decimal: `98,8` -> 98.8, `1.234,5` -> 1234.5, `12` -> 12.0."""
    token = token.strip().replace("−", "-").rstrip("%").strip()
    if re.fullmatch(r"[-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"[-]?\d+(?:,\d+)?", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"[-]?\d+\.\d{1,2}", token):  # an English decimal point slips in now and then (94.6%)
        return float(token)
    return None


def is_number_token(token: str) -> bool:
    return parse_int(token) is not None


def is_year(token: str) -> bool:
    return bool(YEAR.match(token))


def split_trailing_numbers(text: str) -> tuple[str, list[str]]:
    """Split a table line into its label and the run of integer tokens that ends it.

    `Uitgaven 356.797 356.799` -> ("Uitgaven", ["356.797", "356.799"]).
    """
    tokens = text.split()
    numbers: list[str] = []
    while tokens and is_number_token(tokens[-1]):
        numbers.insert(0, tokens.pop())
    return " ".join(tokens), numbers
