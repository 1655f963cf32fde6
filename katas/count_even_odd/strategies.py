"""Inputs for count_even_odd, shaped to reach where wrong answers hide.

Arrays are short, so ranges often touch both ends and x == y is common; values
lean towards 0, 1 and the limits; updates both flip parity and keep it, and
counting queries follow them. Everything shrinks towards a one-element array
of zeros, index 0 and as few queries as possible.
"""
from functools import lru_cache

from hypothesis import strategies as st

MAX_LENGTH = 12
LONG_LENGTH = 200
MAX_VALUE = 10**9
values = st.one_of(
    st.sampled_from([0, 1, 2, MAX_VALUE - 1, MAX_VALUE]),
    st.integers(0, 20),
    st.integers(0, MAX_VALUE),
)


@lru_cache(maxsize=None)  # one strategy per array length, built once
def _queries(n):
    index = st.one_of(st.just(0), st.just(n - 1), st.integers(0, n - 1))
    update = st.tuples(st.just(0), index, values)
    counting = st.tuples(st.sampled_from([1, 2]), index, index).map(
        lambda query: (query[0], min(query[1:]), max(query[1:]))
    )
    return st.lists(st.one_of(update, counting), min_size=1, max_size=20)


# Mostly short arrays, where edge cases are dense; sometimes long ones, so that
# solutions splitting the array into blocks get ranges that cross blocks.
# Drawn as two list strategies (not a length, then a list of that length) so
# that Hypothesis can shrink a long array by deleting elements.
arrays = st.one_of(
    st.lists(values, min_size=1, max_size=MAX_LENGTH),
    st.lists(values, min_size=MAX_LENGTH + 1, max_size=LONG_LENGTH),
)


@st.composite
def _case(draw):
    arr = draw(arrays)
    return arr, draw(_queries(len(arr)))


arguments = _case()
