"""Dutch number formats as printed in BBTs: `1.581.119`, `-56`, `98,8%`, `1,2 miljard`."""

from __future__ import annotations

import re
from functools import lru_cache

from ..vocabulary import VOCABULARY, Vocabulary

# An amount in thousand euro: thousands separated by dots, optional sign.
INTEGER = r"[-−–]?\s?\d{1,3}(?:\.\d{3})+|[-−–]?\d+"
INTEGER_TOKEN = re.compile(rf"^(?:{INTEGER})$")
YEAR = re.compile(r"^(19|20)\d{2}$")


@lru_cache(maxsize=4096)  # a table's amounts recur (totals, stages, the same cells read by several passes)
def parse_int(token: str) -> int | None:
    """`1.581.119` -> 1581119; `-56` -> -56; anything else -> None."""
    if token.isascii() and token.isdigit():  # the common case, without the pattern
        return int(token)
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


def is_year(token: str) -> bool:
    return bool(YEAR.match(token))


def _amount_number(number: str) -> float:
    """Dutch first: dots group thousands, a comma is the decimal mark; `1.5` (a point, not three digits) is English."""
    if "," in number or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        return float(number.replace(".", "").replace(",", "."))
    return float(number)


def amount_in_keuro(text: str, vocab: Vocabulary = VOCABULARY) -> float | None:
    """`1,2 miljard` -> 1200000.0 (thousand euro); `1.500 miljoen` -> 1500000.0; `-0,7 miljoen` -> -700.0
    (the words of amounts, `vocab.amount`, and their scales from the vocabulary)."""
    match = vocab.amount.search(text)
    if not match:
        return None
    value = _amount_number(match.group("num")) * vocab.scales[match.group("scale").lower()]
    return -value if match.group("sign") in {"-", "−"} else value


def precision_of(text: str, vocab: Vocabulary = VOCABULARY) -> float:
    """The rounding step of an amount as written: `1,2 miljard` -> 100000.0 keuro, `243 miljoen` -> 1000.0."""
    match = vocab.amount.search(text)
    if not match:
        return 1.0
    number = match.group("num")
    if "," in number:
        decimals = len(number.split(",")[1])
    elif "." in number and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        decimals = len(number.split(".")[1])
    else:
        decimals = 0
    return float(vocab.scales[match.group("scale").lower()] * 10 ** (-decimals))
