"""Comparing and showing the values that pass between the checks and the learner."""
from __future__ import annotations

import reprlib
from typing import Any, Sequence

_shower = reprlib.Repr()
_shower.maxlist = _shower.maxtuple = _shower.maxdict = _shower.maxset = 24
_shower.maxstring = 120
_shower.maxlong = 80
_shower.maxother = 120
_shower.maxlevel = 6


def same(expected: Any, actual: Any) -> bool:
    """Equality that also demands the same types all the way down.

    ``True == 1`` and ``(1, 2) == [1, 2]`` are both false here: a learner whose
    function returns the wrong kind of value should hear about it.
    """
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(actual) and all(map(same, expected, actual))
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(
            same(value, actual[key]) for key, value in expected.items()
        )
    return bool(expected == actual)


def as_toml_data(value: Any) -> Any:
    """``value`` as TOML could have written it: TOML has arrays but no tuples."""
    if isinstance(value, (list, tuple)):
        return [as_toml_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_toml_data(item) for key, item in value.items()}
    return value


def show(value: Any) -> str:
    """A repr short enough for one line of a failure message, whatever the value."""
    try:
        return _shower.repr(value)
    except Exception:  # huge ints past the str-conversion limit, a __repr__ that raises, ...
        if isinstance(value, int):
            return f"<an int of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return f"<a {type(value).__name__} that cannot be shown>"


def show_call(function: str, parameters: Sequence[str], args: Sequence[Any]) -> str:
    named = [
        f"{name}={show(value)}" if name else show(value)
        for name, value in zip(list(parameters) + [""] * len(args), args)
    ]
    return f"{function}({', '.join(named)})"
