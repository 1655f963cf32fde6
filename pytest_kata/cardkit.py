"""What a card deck's code can use: the blank ``__`` and the helpers a card asks for.

A card is a function ``card_<id>`` in the deck's ``solution.py``; it receives
helpers by parameter name (see :data:`HELPERS`). This module imports only the
standard library and nothing heavy at import time: the worker process loads it
before any learner code runs (``from pytest_kata import __`` resolves here), and
pytest imports it through ``pytest_kata`` on every run.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from typing import Any, Callable


class BlankNotFilled(AssertionError):
    """Raised when code touches a blank ``__`` that the learner has not filled in."""


def _refuse(self, *args: Any, **kwargs: Any) -> Any:
    raise BlankNotFilled("fill in the blank")


class _Blank:
    """The blank: any use of it (comparing, adding, calling, iterating...) raises
    :class:`BlankNotFilled`, so an unfilled card fails at the blank itself."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "__"

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __hash__ = __bool__ = __len__ = __iter__ = __contains__ = __getitem__ = _refuse  # type: ignore[assignment]
    __call__ = __getattr__ = __int__ = __float__ = __index__ = __str__ = __fspath__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _refuse
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __neg__ = __abs__ = __and__ = __or__ = _refuse


__ = _Blank()
BLANK = "__"  # the blank's name in a deck's source

# A leftover marker in a written answer: it is a draft, not an answer.
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX+|lorem ipsum)\b|\.\.\.|<[^<>]*>|\[[^\[\]]*\]", re.IGNORECASE)


def normalise(text: str) -> str:
    """A keyword answer as it is compared: case and runs of spaces do not matter."""
    return " ".join(text.casefold().split())


def answer_digest(salt: str, text: str) -> str:
    """The salted hash a deck stores instead of a recall card's answer: ``sha256:SALT:HEX``."""
    hexdigest = hashlib.sha256(f"{salt}:{normalise(text)}".encode("utf-8")).hexdigest()
    return f"sha256:{salt}:{hexdigest}"


def _matches(stored: str, text: str) -> bool:
    parts = stored.split(":")
    return len(parts) == 3 and parts[0] == "sha256" and answer_digest(parts[1], text) == stored


def _words(text: str) -> int:
    return len(text.split())


def _require_text(label: str, text: Any) -> str:
    if text is __:
        raise BlankNotFilled("fill in the blank")
    if not isinstance(text, str):
        raise AssertionError(f"{label} must be a string (text in quotes), not {type(text).__name__}")
    found = _PLACEHOLDER.search(text)
    if found:
        raise AssertionError(f"{label} still holds a placeholder ({found.group(0)!r}); write it out in full")
    return text


def _recall(stored: tuple[str, ...]) -> Callable[[Any], None]:
    def recall(answer: Any) -> None:
        """Passes when ``answer`` is the card's answer (case and spacing aside)."""
        text = _require_text("the answer", answer)
        if not any(_matches(digest, text) for digest in stored):
            raise AssertionError(f"{normalise(text)!r} is not the answer this card expects; read the question again")
    return recall


STORY_PARTS = ("situation", "task", "action", "result")
STORY_WORDS = (60, 400)  # the whole story: a minute or two when spoken
PART_WORDS = 8  # each part at least this many words
ANSWER_WORDS = (40, 300)


def story(*, situation: Any, task: Any, action: Any, result: Any) -> None:
    """Checks the form of a STAR answer: four parts, each written out, the whole of a fair length."""
    parts = {"situation": situation, "task": task, "action": action, "result": result}
    for name in STORY_PARTS:
        text = _require_text(f"the {name}", parts[name])
        if _words(text) < PART_WORDS:
            raise AssertionError(f"the {name} has {_words(text)} words; give it at least {PART_WORDS}")
    texts = [normalise(parts[name]) for name in STORY_PARTS]
    if len(set(texts)) < len(texts):
        raise AssertionError("two parts of the story are the same text; each part says something else")
    total = sum(_words(parts[name]) for name in STORY_PARTS)
    low, high = STORY_WORDS
    if not low <= total <= high:
        raise AssertionError(f"the story has {total} words; aim for {low} to {high}")


def answer(text: Any) -> None:
    """Checks the form of a free answer: written out, and of a fair length."""
    text = _require_text("the answer", text)
    low, high = ANSWER_WORDS
    if not low <= _words(text) <= high:
        raise AssertionError(f"the answer has {_words(text)} words; aim for {low} to {high}")


class Helpers:
    """Builds the helpers one card asks for, and cleans up after it."""

    def __init__(self, answers: tuple[str, ...] = ()) -> None:
        self._answers = answers
        self._folder: str | None = None
        self._connections: list[Any] = []

    def _scratch(self) -> str:
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="kata-card-")
        return self._folder

    def db(self) -> Any:
        """A fresh SQLite database, in a file of its own, for this card alone."""
        import sqlite3

        connection = sqlite3.connect(os.path.join(self._scratch(), "card.sqlite3"))
        self._connections.append(connection)
        return connection

    def workdir(self) -> str:
        """An empty folder of the card's own, for files it creates."""
        return self._scratch()

    def recall(self) -> Callable[[Any], None]:
        return _recall(self._answers)

    def story(self) -> Callable[..., None]:
        return story

    def answer(self) -> Callable[[Any], None]:
        return answer

    def build(self, names: list[str]) -> list[Any]:
        return [getattr(self, name)() for name in names]

    def close(self) -> None:
        for connection in self._connections:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - the learner may have closed or broken it
                pass
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


HELPERS = ("db", "workdir", "recall", "story", "answer")


class UnknownHelper(Exception):
    """A card function asks for a parameter that no card gets."""


def call_card(function: Callable, answers: tuple[str, ...], path: str) -> int | None:
    """Run one card function with the helpers it asks for. None when it passed; the line
    of ``path`` where it reached an unfilled blank otherwise. Its other exceptions, and
    :class:`UnknownHelper`, are the caller's to report."""
    import traceback

    code = function.__code__
    names = list(code.co_varnames[:code.co_argcount])
    unknown = [name for name in names if name not in HELPERS]
    if unknown:
        raise UnknownHelper(f"{code.co_name}() asks for {unknown[0]!r}; a card can ask for {', '.join(HELPERS)}")
    helpers = Helpers(answers)
    try:
        function(*helpers.build(names))
    except BlankNotFilled as exc:
        lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == path]
        return lines[-1] if lines else 0
    finally:
        helpers.close()
    return None
