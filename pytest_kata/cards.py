"""Card decks, read on the trusted side with ``ast``: blanks, tampering, recursion.

Nothing here runs the deck. A card's assertions run in the worker (see
:func:`pytest_kata.checks.run_card`); what this module decides first, from the
source alone, is whether the card can be run at all: is a blank left, and (for
graded decks) did anything change outside the blanks?
"""
from __future__ import annotations

import ast
from pathlib import Path
from .cardkit import BLANK
from .definition import CARD_PREFIX
from .errors import KataFailure


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


def blank_line(node: ast.AST) -> int | None:
    """The line of the first blank ``__`` still in ``node``, if any."""
    lines = [inner.lineno for inner in ast.walk(node) if isinstance(inner, ast.Name) and inner.id == BLANK]
    return min(lines) if lines else None


def _is_blank_statement(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Name) and node.value.id == BLANK


def _is_blank(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == BLANK


# What a graded expression blank may hold: a value (a literal), or a plain
# expression over the deck's imported modules and a few builtins (os.getpid(),
# sqlite3.IntegrityError, int). Never a name the card itself binds: filling
# `assert parent == __` with `parent` would make any card pass.
_SIMPLE = (
    ast.Constant, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Name, ast.Attribute, ast.Call, ast.keyword,
    ast.UnaryOp, ast.BinOp, ast.Compare, ast.Subscript, ast.Slice, ast.Load,
    ast.operator, ast.unaryop, ast.cmpop,
)
SAFE_BUILTINS = frozenset({
    "int", "float", "str", "bytes", "bool", "tuple", "list", "dict", "set", "frozenset", "len", "abs", "min",
    "max", "sum", "sorted", "range", "None", "True", "False", "ValueError", "TypeError", "KeyError",
    "IndexError", "ZeroDivisionError", "OSError", "FileNotFoundError", "PermissionError",
})
_UNSAFE_ATTRIBUTES = frozenset({"system", "popen", "fork", "forkpty", "kill", "killpg", "write", "writev",
                                "pwrite", "dup", "dup2", "open", "fdopen", "remove", "unlink", "rmdir",
                                "setattr", "modules", "exit", "_exit", "abort"})


def imported_names(tree: ast.Module) -> frozenset[str]:
    """The names the deck's top-level imports bind (its modules)."""
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    names.discard(BLANK)
    return frozenset(names)


def _unsafe(node: ast.AST, modules: frozenset[str]) -> ast.AST | None:
    """The first part of a filled-in blank that is not a value or a plain expression, if any."""
    for inner in ast.walk(node):
        if not isinstance(inner, _SIMPLE):
            return inner
        if isinstance(inner, ast.Name) and inner.id not in modules and inner.id not in SAFE_BUILTINS:
            return inner
        if isinstance(inner, ast.Attribute) and (inner.attr.startswith("_") or inner.attr in _UNSAFE_ATTRIBUTES):
            return inner
    return None


def _describe_part(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return f"the name {node.id!r}"
    if isinstance(node, ast.Attribute):
        return f"the attribute {node.attr!r}"
    return f"a {type(node).__name__.lower()}"


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


def _match(original: object, submitted: object, parent: object, modules: frozenset[str] | None) -> None:
    """Raise :class:`_Mismatch` where ``submitted`` differs from ``original`` outside its
    blanks. ``modules``: check filled expression blanks against what the deck imports
    (None: accept any expression)."""
    if isinstance(original, ast.AST) and _is_blank(original):
        if isinstance(submitted, ast.AST) and modules is not None and not _is_blank(submitted):
            found = _unsafe(submitted, modules)
            if found is not None:
                raise _Mismatch(_line(found, submitted, parent),
                                "a blank may hold a value, or an expression over the deck's imported modules "
                                f"and plain builtins, not {_describe_part(found)}")
        return  # a blank left unfilled is reported as such, at its line
    if isinstance(original, list):
        if not isinstance(submitted, list):
            raise _Mismatch(_line(submitted, parent))
        _match_list(original, submitted, parent, modules)
        return
    if type(original) is not type(submitted):
        raise _Mismatch(_line(submitted, original, parent))
    if isinstance(original, ast.AST):
        for field in original._fields:
            _match(getattr(original, field, None), getattr(submitted, field, None),
                   submitted if hasattr(submitted, "lineno") else parent, modules)
    elif original != submitted:
        raise _Mismatch(_line(parent))


def _match_list(original: list, submitted: list, parent: object, modules: frozenset[str] | None) -> None:
    if not original:
        if submitted:
            raise _Mismatch(_line(submitted[0], parent))
        return
    head, rest = original[0], original[1:]
    if isinstance(head, ast.AST) and _is_blank_statement(head):
        # A statement blank takes any statements (the body of a function the learner
        # writes, whose results the trusted side compares); try each split.
        last: _Mismatch | None = None
        for taken in range(len(submitted), -1, -1):
            try:
                _match_list(rest, submitted[taken:], parent, modules)
                return
            except _Mismatch as mismatch:
                last = mismatch
        assert last is not None
        raise last
    if not submitted:
        raise _Mismatch(_line(head, parent), "a line of the card was removed")
    _match(head, submitted[0], parent, modules)
    _match_list(rest, submitted[1:], parent, modules)


def tampering(original: ast.Module, submitted: ast.Module, name: str) -> str | None:
    """Why the submitted deck is not the original with blanks filled in, as far as the
    card function ``name`` is concerned; None when it is.

    The whole file is compared, statement by statement. Everything that runs when
    the deck loads (imports, module code, every function's decorators, defaults and
    annotations) must be exactly the original, or every card fails. A body may differ
    only inside its blanks; another card's body changed fails that card alone (it
    runs in a worker of its own).
    """
    if not submitted.body:
        return "the deck is empty; start again from the shipped solution.py"
    modules = imported_names(original)
    if len(original.body) != len(submitted.body):
        longer = submitted.body[len(original.body)] if len(submitted.body) > len(original.body) else None
        return f"the deck changed outside its cards at line {_line(longer, submitted.body[-1]) or '?'}: " \
               "statements were added or removed"
    for ours, theirs in zip(original.body, submitted.body):
        is_function = isinstance(ours, ast.FunctionDef) and isinstance(theirs, ast.FunctionDef)
        try:
            if not is_function:
                _match(ours, theirs, theirs, modules)
                continue
            if ours.name != theirs.name:
                raise _Mismatch(theirs.lineno, f"{ours.name}() was renamed")
            for field in ("args", "decorator_list", "returns"):
                _match(getattr(ours, field), getattr(theirs, field), theirs, modules)
        except _Mismatch as mismatch:
            why = f" ({mismatch.why})" if mismatch.why else ""
            return f"the deck changed outside its cards at line {mismatch.line or '?'}{why}"
        try:
            _match_list(ours.body, theirs.body, theirs, modules)
        except _Mismatch as mismatch:
            if ours.name == name:
                why = f" ({mismatch.why})" if mismatch.why else ""
                return f"card changed outside its blanks at line {mismatch.line or '?'}{why}"
            if not ours.name.startswith(CARD_PREFIX):  # a helper other cards may call
                why = f" ({mismatch.why})" if mismatch.why else ""
                return f"the deck changed outside its cards at line {mismatch.line or '?'}{why}"
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
