"""JSON text of plain values with an encoder made once: what `json.dumps` gives, for less.

`json.dumps` (and `JSONEncoder.encode`) builds its C encoder anew on every call; for the small values the audit
encodes (a few a finding, hundreds of findings a document) that set-up cost as much as the encoding. An encoder
made here is the same C encoder (`json.encoder.c_make_encoder`, which `JSONEncoder` calls), built once. It
imports nothing of begroot, so any layer may use it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# The C encoder `JSONEncoder` builds on every call; None on a Python without the accelerator.
C_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)

DUMPS_SEPARATORS = (", ", ": ")  # json.dumps's own


def encoder(*, ensure_ascii: bool = True, separators: tuple[str, str] = DUMPS_SEPARATORS) -> Callable[[object], str]:
    """A function giving exactly `json.dumps(value, ensure_ascii=..., separators=...)` for plain data (dicts,
    lists, strings, numbers, booleans, None). It does not look for circular references: the values are made
    fresh by the caller and hold none (one that did would fail on the recursion limit, not as a ValueError)."""
    library = json.JSONEncoder(ensure_ascii=ensure_ascii, separators=separators, check_circular=False).encode
    if C_ENCODER is None:  # the library's own encoder, made once
        return library
    item_separator, key_separator = separators
    strings = json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    try:
        encode = C_ENCODER(
            None, _unknown, strings, None, key_separator, item_separator, False, False, True
        )  # markers (none: no circular check), default, string encoder, indent, separators, sort_keys, skipkeys, allow_nan
        fast: Callable[[object], str] = lambda value: "".join(encode(value, 0))  # noqa: E731
        if fast(PROBE) == library(PROBE):
            return fast
    except TypeError:  # c_make_encoder is json's own, undocumented: another Python may take other arguments
        pass
    return library


# Checked once against the library's text: a Python whose C encoder works otherwise gets the library's.
PROBE = {"a": [1, 2.5, None, True, "é\n"], "b": {"c": -3}}


def _unknown(value: object) -> object:
    """What json.dumps does with a value it cannot encode."""
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


# json.dumps with its defaults, the encoder made once: what the store writes in its JSON columns.
dumps = encoder()
