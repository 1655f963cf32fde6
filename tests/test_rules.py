"""The ast rules, called directly: each rule, each way to break it."""
from __future__ import annotations

import pytest

from pytest_kata.definition import Rules
from pytest_kata.errors import KataFailure
from pytest_kata.rules import check_rules


def broken(source: str, rules: Rules) -> str:
    with pytest.raises(KataFailure) as failure:
        check_rules(source, "solution.py", "f", rules)
    return str(failure.value)


def test_single_name_return_is_accepted() -> None:
    check_rules("def f(a):\n    a = a + 1\n    return a\n", "solution.py", "f", Rules(ends_with_return=("a",)))


def test_single_name_rule_rejects_a_one_tuple() -> None:
    assert "must end with 'return a'; it ends with 'return a,'" in broken(
        "def f(a):\n    return a,\n", Rules(ends_with_return=("a",)))


def test_every_broken_rule_is_listed_with_its_line_and_the_advice() -> None:
    message = broken(
        "def f(a, b):\n    t = a\n    a, b = b, t\n    return b, a\n",
        Rules(assign_only=("a", "b"), no_packing=True, ends_with_return=("a", "b"), advice="Think again."),
    )
    assert message.splitlines() == [
        "solution.py:2: assigns to 't'; only a and b may be assigned (no extra variable)",
        "solution.py:3: 'a, b = b, t' builds or unpacks a tuple or list; do it without packing values together",
        "solution.py:4: f() must end with 'return a, b'; it ends with 'return b, a'",
        "Think again.",
    ]


def test_the_last_definition_of_the_function_counts() -> None:
    source = "def f(a, b):\n    return a\n\ndef f(a, b):\n    a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b\n"
    check_rules(source, "solution.py", "f", Rules(assign_only=("a", "b"), no_packing=True, ends_with_return=("a", "b")))


def test_missing_function_and_syntax_error() -> None:
    assert broken("def g():\n    pass\n", Rules()) == "solution.py does not define a function named f()"
    assert broken("def f(:\n", Rules()).startswith("solution.py has a syntax error at line 1")


SWAP_RULES = Rules(assign_only=("a", "b"), no_packing=True, ends_with_return=("a", "b"))

# Ways around the swap rules found in review; each must be caught.
LOOPHOLES = {
    "dead return after the real one": "return b, a\n    return a, b",
    "conditional early return": "if a is not None:\n        return b, a\n    return a, b",
    "tuple() call": "a = tuple([b, a])\n    b = a[1]\n    a = a[0]\n    return a, b",
    "dict display": "a = {'new_a': b, 'new_b': a}\n    b = a['new_b']\n    a = a['new_a']\n    return a, b",
    "except as": "try:\n        raise ValueError(a)\n    except ValueError as tmp:\n        a = b\n        b = tmp.args[0]\n    return a, b",
    "nested def default": "def keep(v=a):\n        return v\n    a = b\n    b = keep()\n    return a, b",
    "walrus with a list": "b = (a := [b, a])[1]\n    a = a[0]\n    return a, b",
    "extra parameter": None,
}


@pytest.mark.parametrize("loophole", list(LOOPHOLES))
def test_swap_loopholes_are_closed(loophole: str) -> None:
    body = LOOPHOLES[loophole]
    if body is None:
        source = "def f(a, b, t=0):\n    t = a\n    a = b\n    b = t\n    return a, b\n"
    else:
        source = f"def f(a, b):\n    {body}\n"
    broken(source, SWAP_RULES)


@pytest.mark.parametrize("body", [
    "a = a ^ b\n    b = a ^ b\n    a = a ^ b",
    "a = a + b\n    b = a - b\n    a = a - b",
    "a ^= b\n    b ^= a\n    a ^= b",
])
def test_honest_swaps_pass(body: str) -> None:
    check_rules(f"def f(a, b):\n    {body}\n    return a, b\n", "solution.py", "f", SWAP_RULES)


# Found in the second review: the rest of the file could swap with a tuple for swap().
AROUND = {
    "rebound by a lambda": "def f(a, b):\n    a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b\n\nf = lambda a, b: (b, a)\n",
    "decorated": "def flip(g):\n    return g\n\n@flip\ndef f(a, b):\n    a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b\n",
    "helper packs": "def _pack(a, b):\n    return (b, a)\n\ndef f(a, b):\n    a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b\n",
}


@pytest.mark.parametrize("case", list(AROUND))
def test_the_rest_of_the_file_cannot_do_the_work(case: str) -> None:
    broken(AROUND[case], SWAP_RULES)
