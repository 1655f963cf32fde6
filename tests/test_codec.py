"""The plain-data codec between the pytest process and the worker."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_kata.worker import NotPlainData, _decode_tags, decode, encode

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=20) | st.lists(inner, max_size=20).map(tuple)
    | st.dictionaries(st.integers() | st.text(max_size=3), inner, max_size=4),
    max_leaves=60,
)


@settings(max_examples=300, deadline=None)
@given(plain)
def test_every_plain_value_survives_both_decoders(value) -> None:
    line = json.dumps(encode(value))
    assert decode(json.loads(line)) == value
    assert type(decode(json.loads(line))) is type(value)
    assert json.loads(line, object_hook=_decode_tags) == value  # the fast decoder of large inputs


@pytest.mark.parametrize("value", [
    [1] * 20 + [True],  # a bool among ints keeps its type
    [(1, 2)] * 20 + [(3, True)],
    [(1, 2**5000)] * 20,  # a huge int inside the rows
    list(range(40)) + [2**5000],
])
def test_the_fast_paths_keep_types_exactly(value) -> None:
    decoded = decode(json.loads(json.dumps(encode(value))))
    assert decoded == value and [type(item) for item in decoded] == [type(item) for item in value]


def test_a_subclass_is_refused() -> None:
    class Liar(int):
        def __eq__(self, other):
            return True

    with pytest.raises(NotPlainData):
        encode([Liar(1)] * 20)
