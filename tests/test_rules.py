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
    source = "def f(a, b):\n    return b, a\n\ndef f(a, b):\n    a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b\n"
    check_rules(source, "solution.py", "f", Rules(assign_only=("a", "b"), no_packing=True, ends_with_return=("a", "b")))


def test_missing_function_and_syntax_error() -> None:
    assert broken("def g():\n    pass\n", Rules()) == "solution.py does not define a function named f()"
    assert broken("def f(:\n", Rules()).startswith("solution.py has a syntax error at line 1")
