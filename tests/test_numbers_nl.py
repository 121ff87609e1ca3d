"""The one Dutch number formatter (begroot/numbers_nl.py) and the layers that write numbers with it:
what it writes, the readers read back, and every layer writes a number the same way."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from begroot.audit.findings import fmt
from begroot.export.numbers import nl
from begroot.numbers_nl import ENGLISH, format_number
from begroot.parse.numbers import parse_decimal, parse_int
from begroot.web import i18n

AMOUNTS = st.integers(min_value=-(10**12), max_value=10**12)
FRACTIONS = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda v: not float(v).is_integer())


@given(AMOUNTS)
def test_every_layer_writes_an_amount_alike(value: int) -> None:
    printed = format_number(value)
    assert parse_int(printed) == value
    assert printed == nl(value) == fmt(value) == i18n.number(value) == format_number(float(value), trim=True)
    assert i18n.number(value, "en") == format_number(value, separators=ENGLISH) == printed.translate({46: 44})


@given(FRACTIONS, st.integers(min_value=1, max_value=3))
def test_decimals_read_back(value: float, decimals: int) -> None:
    printed = format_number(value, decimals)
    assert printed.count(",") == 1 and len(printed.rsplit(",", 1)[1]) == decimals
    read = parse_decimal(printed)
    assert read is not None and math.isclose(read, float(f"{value:.{decimals}f}"), abs_tol=1e-9)
    assert i18n.number(value, "nl", decimals) == printed


@given(FRACTIONS, st.integers(min_value=1, max_value=4))
def test_trimmed_is_as_precise_as_the_value(value: float, decimals: int) -> None:
    trimmed = fmt(value, decimals)
    assert trimmed == format_number(value, decimals, trim=True)
    assert not trimmed.endswith(("0", ",")) or "," not in trimmed
    read = parse_decimal(trimmed)
    assert read is not None and math.isclose(read, float(f"{value:.{decimals}f}"), abs_tol=1e-9)


def test_the_forms_each_layer_prints() -> None:
    assert format_number(1581119) == "1.581.119" and format_number(-56) == "-56"
    assert format_number(1234.5, 2) == "1.234,50" and format_number(1234.5, 2, trim=True) == "1.234,5"
    assert format_number(12.0, 2, trim=True) == "12" and format_number(98.76, 1) == "98,8"
    assert nl(1234.56) == "1.234,6" and nl(None) == "" and nl(82.0) == "82"  # exports: one decimal
    assert fmt(101.4949, 4) == "101,4949" and fmt(0.5) == "0,5"  # audit: up to `decimals`
    assert i18n.number(0.5, "nl", 2) == "0,50" and i18n.number(None) == "–"  # dashboard: fixed decimals
    assert i18n.number(1234.5, "en", 1) == "1,234.5"
