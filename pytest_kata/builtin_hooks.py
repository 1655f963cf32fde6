"""pytest-kata's own implementations of its hooks, each ``trylast`` so others come first."""
from __future__ import annotations

from typing import Any

import pytest


class BuiltinHooks:
    @pytest.hookimpl(trylast=True)
    def pytest_kata_strategy(self, kata: Any, parameters: list[str], label: str) -> Any:
        from .strategies import argument_strategy

        return argument_strategy(kata, label, parameters)

    @pytest.hookimpl(trylast=True)
    def pytest_kata_compare(self, kata: Any, expected: Any, actual: Any) -> bool:
        from .compare import matches_kata

        return matches_kata(kata, expected, actual)
