"""The built-in ways to compare a learner's value with the expected one (``compare`` in kata.toml)."""
from __future__ import annotations

import json
import math
from typing import Any

from .values import same

COMPARISONS = ("exact", "float", "unordered")
DEFAULT_TOLERANCE = 1e-9


def close(expected: Any, actual: Any, tolerance: float) -> bool:
    """Like :func:`same`, but floats match within ``tolerance`` (relative, and absolute near 0);
    an int where a float is expected is accepted."""
    if isinstance(expected, float) and type(actual) in (float, int):
        if math.isnan(expected):
            return isinstance(actual, float) and math.isnan(actual)
        return math.isclose(expected, actual, rel_tol=tolerance, abs_tol=tolerance)
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(actual) and all(close(e, a, tolerance) for e, a in zip(expected, actual))
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(close(v, actual[k], tolerance) for k, v in expected.items())
    return bool(expected == actual)


def _key(value: Any) -> str:
    from .worker import encode

    return json.dumps(encode(value), sort_keys=True)


def unordered(expected: Any, actual: Any) -> bool:
    """The same items in any order (for a list or tuple result); otherwise as :func:`same`."""
    if type(expected) is not type(actual) or not isinstance(expected, (list, tuple)):
        return same(expected, actual)
    if len(expected) != len(actual):
        return False
    try:
        return sorted(map(_key, expected)) == sorted(map(_key, actual))
    except (TypeError, ValueError):  # not plain data: fall back on pairing items one by one
        left = list(actual)
        for item in expected:
            match = next((index for index, other in enumerate(left) if same(item, other)), None)
            if match is None:
                return False
            left.pop(match)
        return True


def matches(comparison: str, tolerance: float, expected: Any, actual: Any) -> bool:
    if comparison == "float":
        return close(expected, actual, tolerance)
    if comparison == "unordered":
        return unordered(expected, actual)
    return same(expected, actual)


def matches_kata(kata: Any, expected: Any, actual: Any) -> bool:
    """The built-in comparison of ``kata``: a program's output by whitespace-separated tokens,
    as online judges compare it; a function's result as its ``compare`` says."""
    if kata.interface == "stdio":
        return isinstance(actual, str) and expected.split() == actual.split()
    return matches(kata.compare, kata.tolerance, expected, actual)
