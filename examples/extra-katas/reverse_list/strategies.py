"""Inputs for reverse_list: a Python list of values, turned into nested pairs.

Drawing a flat list and building the pairs with map keeps shrinking simple:
Hypothesis shortens the flat list, and the failing input shown is the
shortest linked list it found. Values repeat often, and include None and
nested tuples, so that a solution mixing values up with links is caught.
"""
from hypothesis import strategies as st

values = st.one_of(
    st.integers(-3, 3),
    st.integers(),
    st.none(),
    st.tuples(st.integers(0, 3)),
)


def _linked(items):
    node = ()
    for value in reversed(items):
        node = (value, node)
    return node


arguments = st.lists(values, max_size=12).map(lambda items: (_linked(items),))
