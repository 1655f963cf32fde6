"""swap, tested by hand: with test_count_even_odd.py, the baseline for the whole shipped set.

The examples and the generated comparison only. The kata's `rules` check (an
`ast` reading of the solution) has no hand-written counterpart here, so
run.py leaves it out of the plugin's run too (`-k "examples or generated"`).
"""
import copy

from _kata_files import KATAS, SOLUTIONS, kata_toml, load
from hypothesis import given, settings
from hypothesis import strategies as st

KATA = "swap"
solution = load(SOLUTIONS / KATA / "solution.py", "handwritten_solution_swap")
reference = load(KATAS / KATA / "reference.py", "handwritten_reference_swap")
toml = kata_toml(KATA)


def test_examples():
    for example in toml["examples"]:
        # TOML has no tuples: compare the result as a list, as the plugin's examples check does.
        assert list(solution.swap(*copy.deepcopy(example["args"]))) == example["expected"]


# kata.toml: [generated.arguments] a = integers(), b = integers(); max_examples defaults to 100.
@settings(max_examples=toml["generated"].get("max_examples", 100), database=None, deadline=None)
@given(st.tuples(st.integers(), st.integers()))
def test_generated(args):
    expected = reference.swap(*copy.deepcopy(args))
    assert solution.swap(*copy.deepcopy(args)) == expected
