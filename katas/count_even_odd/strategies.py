"""Inputs for count_even_odd, shaped to reach where wrong answers hide.

Small arrays (so ranges often touch both ends and x == y is common), values
biased to 0, 1 and the limits, updates that flip parity and ones that keep it,
and counting queries that follow updates.
"""
from hypothesis import strategies as st

MAX_VALUE = 10**9
values = st.one_of(
    st.sampled_from([0, 1, 2, MAX_VALUE - 1, MAX_VALUE]),
    st.integers(0, 20),
    st.integers(0, MAX_VALUE),
)


@st.composite
def _case(draw):
    n = draw(st.integers(1, 12))
    arr = draw(st.lists(values, min_size=n, max_size=n))
    index = st.one_of(st.just(0), st.just(n - 1), st.integers(0, n - 1))

    @st.composite
    def query(draw):
        kind = draw(st.sampled_from([0, 1, 2]))
        x = draw(index)
        if kind == 0:
            return (0, x, draw(values))
        y = draw(st.one_of(st.just(x), st.just(n - 1), st.integers(x, n - 1)))
        return (kind, x, y)

    queries = draw(st.lists(query(), min_size=1, max_size=20))
    return arr, queries


arguments = _case()
