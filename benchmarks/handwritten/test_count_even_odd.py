"""count_even_odd, tested by hand: the baseline for pytest-kata's overhead.

The same work as `pytest --kata -k count_even_odd`: two tests (the plugin's
`examples` and `generated` checks), the worked solution against the kata.toml
examples, then against the reference on 100 inputs from the kata's own
`arguments` strategy, each side on its own deep copy (as the plugin does, so a
function that changes its arguments cannot fool the comparison).
"""
import copy

from _kata_files import KATAS, SOLUTIONS, kata_toml, load
from hypothesis import given, settings

KATA = "count_even_odd"
solution = load(SOLUTIONS / KATA / "solution.py", "handwritten_solution_count_even_odd")
reference = load(KATAS / KATA / "reference.py", "handwritten_reference_count_even_odd")
strategies = load(KATAS / KATA / "strategies.py", "handwritten_strategies_count_even_odd")
toml = kata_toml(KATA)


def test_examples():
    # One test looping over the examples, as the plugin's one `examples` check does.
    for example in toml["examples"]:
        assert solution.count_even_odd(*copy.deepcopy(example["args"])) == example["expected"]


@settings(max_examples=toml["generated"]["max_examples"], database=None, deadline=None)
@given(strategies.arguments)
def test_generated(args):
    expected = reference.count_even_odd(*copy.deepcopy(args))
    assert solution.count_even_odd(*copy.deepcopy(args)) == expected
