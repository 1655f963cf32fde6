"""Card decks, read on the trusted side with ``ast``: blanks, tampering, recursion.

Nothing here runs the deck. A card's assertions run in the worker (see
:func:`pytest_kata.checks.run_card`); what this module decides first, from the
source alone, is whether the card can be run at all: is a blank left, and (for
graded decks) did anything change outside the blanks?
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterable

from .cardkit import BLANK, HELPERS
from .errors import KataDefinitionError, KataFailure


def parse(path: Path, shown: str) -> ast.Module:
    """The deck's syntax tree; a learner's syntax error is theirs to fix."""
    from .worker import describe_syntax_error

    try:
        source = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KataFailure(f"{shown} is not UTF-8 text; save it as UTF-8") from None
    try:
        return ast.parse(source, str(path))
    except SyntaxError as exc:
        raise KataFailure(describe_syntax_error(exc, shown)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise KataFailure(f"{shown} cannot be compiled: {type(exc).__name__}") from None


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """The deck's top-level functions by name (the last one wins, as when Python runs it)."""
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def check_deck(path: Path, label: str, cards: Iterable) -> None:
    """The shipped deck must hold every card's function, asking only for known helpers."""
    if not path.is_file():
        raise KataDefinitionError(f"{label}: the deck has no {path.name} (looked for {path})")
    try:
        tree = ast.parse(path.read_text(encoding="utf-8-sig"), str(path))
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise KataDefinitionError(f"{label}: the shipped deck {path} cannot be read: {exc}") from None
    defined = functions(tree)
    for index, card in enumerate(cards):
        name = card.function or card.card_function
        if name not in defined:
            raise KataDefinitionError(
                f"{label}: key 'cards[{index}].id': the deck {path.name} defines no function {name}()")
        if card.function is None:
            asked = [arg.arg for arg in defined[name].args.args]
            unknown = [arg for arg in asked if arg not in HELPERS]
            if unknown:
                raise KataDefinitionError(
                    f"{label}: {path.name}: {name}() asks for {unknown[0]!r}; a card can ask for "
                    f"{', '.join(HELPERS)}")


def blank_line(node: ast.AST) -> int | None:
    """The line of the first blank ``__`` still in ``node``, if any."""
    lines = [inner.lineno for inner in ast.walk(node) if isinstance(inner, ast.Name) and inner.id == BLANK]
    return min(lines) if lines else None


def _is_blank_statement(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Name) and node.value.id == BLANK


def _is_blank(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == BLANK


# What a graded expression blank may hold: values and plain expressions, so a
# filled-in deck carries no code of the student's beyond what the card runs.
_SIMPLE = (
    ast.Constant, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Name, ast.Attribute, ast.Call, ast.keyword,
    ast.UnaryOp, ast.BinOp, ast.BoolOp, ast.Compare, ast.Subscript, ast.Slice, ast.Load, ast.JoinedStr,
    ast.FormattedValue, ast.IfExp, ast.Starred,
    ast.operator, ast.unaryop, ast.boolop, ast.cmpop,
)
_UNSAFE_NAMES = {"eval", "exec", "compile", "open", "getattr", "setattr", "delattr", "globals", "locals",
                 "vars", "input", "breakpoint", "exit", "quit", "help", "memoryview", "type", "object"}


def _unsafe(node: ast.AST) -> ast.AST | None:
    """The first part of a filled-in blank that is not a plain expression, if any."""
    for inner in ast.walk(node):
        if not isinstance(inner, _SIMPLE):
            return inner
        name = inner.id if isinstance(inner, ast.Name) else inner.attr if isinstance(inner, ast.Attribute) else ""
        if name.startswith("_") or name in _UNSAFE_NAMES:
            return inner
    return None


class _Mismatch(Exception):
    def __init__(self, line: int, why: str = "") -> None:
        super().__init__(line)
        self.line = line
        self.why = why


def _line(*nodes: object) -> int:
    for node in nodes:
        line = getattr(node, "lineno", None)
        if line:
            return line
    return 0


def _match(original: object, submitted: object, parent: object, strict: bool) -> None:
    """Raise :class:`_Mismatch` where ``submitted`` differs from ``original`` outside its blanks."""
    if isinstance(original, ast.AST) and _is_blank(original):
        if isinstance(submitted, ast.AST) and strict:
            found = _unsafe(submitted)
            if found is not None:
                raise _Mismatch(_line(found, submitted, parent),
                                "a blank may hold a value or a plain expression, not "
                                + type(found).__name__.lower())
        return
    if isinstance(original, list):
        if not isinstance(submitted, list):
            raise _Mismatch(_line(submitted, parent))
        _match_list(original, submitted, parent, strict)
        return
    if type(original) is not type(submitted):
        raise _Mismatch(_line(submitted, original, parent))
    if isinstance(original, ast.AST):
        for field in original._fields:
            _match(getattr(original, field, None), getattr(submitted, field, None),
                   submitted if hasattr(submitted, "lineno") else parent, strict)
    elif original != submitted:
        raise _Mismatch(_line(parent))


def _match_list(original: list, submitted: list, parent: object, strict: bool) -> None:
    if not original:
        if submitted:
            raise _Mismatch(_line(submitted[0], parent))
        return
    head, rest = original[0], original[1:]
    if isinstance(head, ast.AST) and _is_blank_statement(head):
        # A statement blank takes any statements; try each split (decks are small).
        last: _Mismatch | None = None
        for taken in range(len(submitted), -1, -1):
            try:
                _match_list(rest, submitted[taken:], parent, strict)
                return
            except _Mismatch as mismatch:
                last = mismatch
        assert last is not None
        raise last
    if not submitted:
        raise _Mismatch(_line(head, parent), "a line of the card was removed")
    _match(head, submitted[0], parent, strict)
    _match_list(rest, submitted[1:], parent, strict)


def tampering(original: ast.Module, submitted: ast.Module, name: str, strict: bool) -> str | None:
    """Why the submitted deck's function ``name`` (and the deck around it) is not the
    original with its blanks filled in, or None when it is."""
    outside = ast.Module(body=[node for node in original.body if not isinstance(node, ast.FunctionDef)],
                         type_ignores=[])
    outside_submitted = ast.Module(
        body=[node for node in submitted.body if not isinstance(node, ast.FunctionDef)], type_ignores=[])
    try:
        _match(outside, outside_submitted, None, strict)
    except _Mismatch as mismatch:
        return f"the deck changed outside its cards at line {mismatch.line or '?'}"
    ours, theirs = functions(original), functions(submitted)
    if set(ours) != set(theirs):
        missing = sorted(set(ours) - set(theirs)) or sorted(set(theirs) - set(ours))
        return f"the deck's functions changed ({missing[0]}() was removed, renamed or added)"
    try:
        _match(ours[name], theirs[name], theirs[name], strict)
    except _Mismatch as mismatch:
        why = f" ({mismatch.why})" if mismatch.why else ""
        return f"card changed outside its blanks at line {mismatch.line}{why}"
    return None


_BRANCHES = (ast.If, ast.IfExp) + ((ast.Match,) if hasattr(ast, "Match") else ())


def check_recursive(function: ast.FunctionDef, shown: str) -> None:
    """The function must call itself, and have a base case: a return that does not."""
    def calls_itself(node: ast.AST) -> bool:
        return any(isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == function.name
                   for inner in ast.walk(node))

    if not calls_itself(function):
        raise KataFailure(
            f"{shown}:{function.lineno}: {function.name}() never calls itself; a recursive function solves a "
            f"smaller case of the same problem by calling {function.name}(...) inside its own body")
    returns = [node for node in ast.walk(function) if isinstance(node, ast.Return)]
    if not any(node.value is None or not calls_itself(node.value) for node in returns) or not any(
            isinstance(node, _BRANCHES) for node in ast.walk(function)):
        raise KataFailure(
            f"{shown}:{function.lineno}: {function.name}() has no base case; add an 'if' for the smallest "
            f"input that returns an answer without calling {function.name}() again")
