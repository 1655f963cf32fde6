"""The exceptions that carry a verdict to a person.

Everything a learner or an author sees as a failure message comes from one of
these: their ``str()`` is the whole message, written for a person, never a
traceback of the plugin.
"""
from __future__ import annotations


class KataError(Exception):
    """Base class: an expected outcome with a message meant for a person."""


class KataDefinitionError(KataError):
    """The kata itself is broken (kata.toml, reference or strategies): the author's to fix."""


class KataFailure(KataError):
    """The learner's solution does not (yet) do what the check asks."""
