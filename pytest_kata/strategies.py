"""Input strategies of a kata: a Python file of the author's, or a table in kata.toml.

The table form names Hypothesis strategies and their keyword arguments, e.g.
``a = { strategy = "integers", min_value = 0 }``; a strategy argument that is
itself a table with a ``strategy`` key is built the same way, so
``{ strategy = "lists", elements = { strategy = "integers" } }`` nests.
"""
from __future__ import annotations

from typing import Any

from .definition import Kata
from .errors import KataDefinitionError
from .loading import load_trusted_module

# Strategies whose arguments are positional: the table gives them as `of = [...]`.
_POSITIONAL = {"tuples", "one_of", "sampled_from"}
_ALLOWED = {
    "booleans", "characters", "dictionaries", "floats", "fractions", "frozensets",
    "integers", "just", "lists", "none", "one_of", "sampled_from", "sets", "text", "tuples",
}


def _build(spec: Any, where: str) -> Any:
    from hypothesis import strategies as st

    if isinstance(spec, list):
        return [_build(item, f"{where}[{index}]") for index, item in enumerate(spec)]
    if not (isinstance(spec, dict) and "strategy" in spec):
        return spec
    options = dict(spec)
    name = options.pop("strategy")
    if not isinstance(name, str) or name not in _ALLOWED:
        raise KataDefinitionError(
            f"{where}: unknown strategy {name!r}; known: {', '.join(sorted(_ALLOWED))} "
            f"(for anything else, write a strategies file and set 'generated.strategy')"
        )
    factory = getattr(st, name)
    kwargs = {key: _build(value, f"{where}.{key}") for key, value in options.items()}
    positional = kwargs.pop("of", []) if name in _POSITIONAL else []
    if name == "sampled_from":
        positional = [positional]
    try:
        strategy = factory(*positional, **kwargs)
        strategy.validate()
    except Exception as exc:  # Hypothesis's InvalidArgument, or a TypeError for a bad keyword
        raise KataDefinitionError(f"{where}: {name}() does not accept these arguments: {exc}") from None
    return strategy


def argument_strategy(kata: Kata, label: str, parameters: list[str]) -> Any:
    """A Hypothesis strategy producing tuples of positional arguments for the kata's function."""
    from hypothesis import strategies as st
    from hypothesis.strategies import SearchStrategy

    if kata.arguments is not None:
        declared = list(kata.arguments)
        if declared != parameters:
            raise KataDefinitionError(
                f"{label}: 'generated.arguments' declares {declared}, but the reference's "
                f"{kata.function}() takes {parameters}; name them in the same order"
            )
        return st.tuples(*[
            _build(spec, f"{label}: generated.arguments.{name}")
            for name, spec in kata.arguments.items()
        ])

    assert kata.strategy_file is not None
    module = load_trusted_module(kata.strategy_file, kata.id, "strategies")
    strategy = getattr(module, "arguments", None)
    if callable(strategy) and not isinstance(strategy, SearchStrategy):
        strategy = strategy()
    if not isinstance(strategy, SearchStrategy):
        raise KataDefinitionError(
            f"{kata.strategy_file}: must define 'arguments', a Hypothesis strategy "
            f"(or a function returning one) whose values are tuples of arguments"
        )
    return strategy
