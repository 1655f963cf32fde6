"""pytest-kata: a pytest plugin that turns folders into katas.

Install it and run ``pytest --kata``. The plugin module itself is
:mod:`pytest_kata.plugin`. The public API is the blank ``__`` that card decks
import (``from pytest_kata import __``); everything else is private.
"""

__version__ = "0.1.0"
__all__ = ["__version__", "__"]


def __getattr__(name: str):
    # ``from pytest_kata import __``, the blank of a card deck, loads the card
    # toolkit on first use only: plain pytest runs never import it.
    if name == "__":
        from .cardkit import __

        return __
    raise AttributeError(f"module 'pytest_kata' has no attribute {name!r}")
