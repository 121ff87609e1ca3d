"""The encoder made once gives json.dumps's text: the stored findings' JSON columns must not change by a byte."""

from __future__ import annotations

import json

import pytest

from begroot.jsontext import encoder

VALUES: list[object] = [
    "plain",
    'é “quoted” − \n "escaped" \\ \t \x00 \ud800',
    0,
    -12,
    12345678901234567890,
    1.0,
    -0.0,
    0.1 + 0.2,
    1e300,
    1e-7,
    float("nan"),
    float("inf"),
    -float("inf"),
    True,
    False,
    None,
    [],
    {},
    (1, "tuple"),
    {"printed": 1234.0, "BU VAK": 1234.5678, "ß": [None, True]},
    [{"document": "bbt-ä", "page": 3, "source_line": 120}, {"document": "b", "page": None, "source_line": 7}],
    {1: "an int key", 2.5: "a float key", False: "a bool key", None: "no key"},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_the_same_text_as_json_dumps(value: object) -> None:
    assert encoder()(value) == json.dumps(value)
    compact = encoder(ensure_ascii=False, separators=(",", ":"))
    assert compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_a_value_json_cannot_encode_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        encoder()({"when": object()})


def test_without_the_c_encoder_the_library_encoder_gives_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python without json's C accelerator: the library's own encoder, made once, gives the same text."""
    from begroot import jsontext

    monkeypatch.setattr(jsontext, "C_ENCODER", None)
    for value in VALUES:
        assert jsontext.encoder()(value) == json.dumps(value)


def test_a_c_encoder_that_takes_other_arguments_leaves_the_library_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """`c_make_encoder` is json's own, undocumented: should another Python change it, the library's encoder is used."""
    from begroot import jsontext

    def changed(*_arguments: object) -> object:
        raise TypeError("make_encoder() takes other arguments")

    monkeypatch.setattr(jsontext, "C_ENCODER", changed)
    assert jsontext.encoder()([1, {"a": None}]) == json.dumps([1, {"a": None}])
