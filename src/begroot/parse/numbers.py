"""Dutch number formats as printed in BBTs: `1.581.119`, `-56`, `98,8%`, `1,2 miljard`."""

from __future__ import annotations

import re

from ..vocabulary import VOCABULARY

# An amount in thousand euro: thousands separated by dots, optional sign.
INTEGER = r"[-−–]?\s?\d{1,3}(?:\.\d{3})+|[-−–]?\d+"
INTEGER_TOKEN = re.compile(rf"^(?:{INTEGER})$")
YEAR = re.compile(r"^(19|20)\d{2}$")


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


# An amount in words: `1,2 miljard`, `18,3 miljoen`, `1.500 miljoen`, `-0,7 miljoen`, `292.136 keuro`.
AMOUNT = re.compile(
    r"(?P<sign>[+\-−])?\s?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*"
    r"(?P<scale>miljard|miljoen|keuro|duizend euro)",
    re.IGNORECASE,
)


def _amount_number(number: str) -> float:
    """Dutch first: dots group thousands, a comma is the decimal mark; `1.5` (a point, not three digits) is English."""
    if "," in number or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        return float(number.replace(".", "").replace(",", "."))
    return float(number)


def amount_in_keuro(text: str) -> float | None:
    """`1,2 miljard` -> 1200000.0 (thousand euro); `1.500 miljoen` -> 1500000.0; `-0,7 miljoen` -> -700.0."""
    match = AMOUNT.search(text)
    if not match:
        return None
    value = _amount_number(match.group("num")) * VOCABULARY.scales[match.group("scale").lower()]
    return -value if match.group("sign") in {"-", "−"} else value


def precision_of(text: str) -> float:
    """The rounding step of an amount as written: `1,2 miljard` -> 100000.0 keuro, `243 miljoen` -> 1000.0."""
    match = AMOUNT.search(text)
    if not match:
        return 1.0
    number = match.group("num")
    if "," in number:
        decimals = len(number.split(",")[1])
    elif "." in number and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        decimals = len(number.split(".")[1])
    else:
        decimals = 0
    return float(VOCABULARY.scales[match.group("scale").lower()] * 10 ** (-decimals))
