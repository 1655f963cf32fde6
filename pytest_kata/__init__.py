"""pytest-kata: a pytest plugin that turns folders into katas.

Install it and run ``pytest --kata``. The plugin module itself is
:mod:`pytest_kata.plugin`; everything else is private.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
