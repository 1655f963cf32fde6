"""The hooks pytest-kata calls, for a conftest or plugin to take over (``pytest_kata_*``).

The strategy and comparison hooks have built-in implementations marked ``trylast``
(:mod:`pytest_kata.builtin_hooks`), so any other implementation runs first. The first two are ``firstresult``:
return ``None`` to leave the decision to the next implementation.
"""
from __future__ import annotations

from typing import Any

import pytest


@pytest.hookspec(firstresult=True)
def pytest_kata_strategy(kata: Any, parameters: list[str], label: str) -> Any:
    """The Hypothesis strategy of argument tuples for ``kata``'s generated check.

    :param kata: the kata (``kata.id``, ``kata.folder``, ``kata.arguments``, ...).
    :param parameters: the reference function's parameter names, in order.
    :param label: how ``kata.toml`` is named in messages.
    """


@pytest.hookspec(firstresult=True)
def pytest_kata_compare(kata: Any, expected: Any, actual: Any) -> bool | None:
    """Whether the learner's ``actual`` value matches the reference's ``expected`` one.

    Called for every example, generated input and performance run. Built in:
    ``compare = "exact" | "float" | "unordered"`` in kata.toml.
    """


def pytest_kata_report(config: pytest.Config, document: dict) -> None:
    """A report sink: receives the run's JSON report document (the ``--kata-json``
    format) once the run ends, on the process that reports. Every implementation is
    called. The built-in one (``tryfirst``, unlike the others) writes the files the
    ``--kata-*`` report options ask for before any plugin's sink runs; a sink that
    raises is reported in one line and the run goes on."""
