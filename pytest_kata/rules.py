"""The ``rules`` check: how the learner's function is written, read with ``ast``.

Rules never run the learner's code; they read it, so they cannot be fooled by
what the function does at run time, only by what it says.
"""
from __future__ import annotations

import ast
from pathlib import Path

from .definition import Rules
from .errors import KataFailure


def _stored_names(function: ast.FunctionDef) -> list[ast.Name]:
    return [
        node for node in ast.walk(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
    ]


def _code(source: str, node: ast.AST) -> str:
    """The learner's own text for ``node``, first line only."""
    text = ast.get_source_segment(source, node) or ast.unparse(node)
    return text.splitlines()[0]


def _packing(function: ast.FunctionDef, source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            sides = list(targets) + ([node.value] if node.value is not None else [])
            if any(isinstance(side, (ast.Tuple, ast.List, ast.Set)) for side in sides):
                found.append((node.lineno, _code(source, node)))
    return found


def _ending(function: ast.FunctionDef, names: tuple[str, ...], source: str) -> str | None:
    """None when the function ends with ``return <names>``, else what it ends with."""
    last = function.body[-1]
    if isinstance(last, ast.Return) and last.value is not None:
        elements = last.value.elts if isinstance(last.value, ast.Tuple) else [last.value]
        returned = [element.id if isinstance(element, ast.Name) else None for element in elements]
        if returned == list(names) and (len(names) > 1) == isinstance(last.value, ast.Tuple):
            return None
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Constant) and len(function.body) == 1:
        return "its body is only a docstring so far"
    return f"it ends with '{_code(source, last)}'"


def check_rules(source: str, shown_as: str, function_name: str, rules: Rules) -> None:
    """Raise :class:`KataFailure` listing every broken rule, each with its line."""
    try:
        tree = ast.parse(source, filename=shown_as)
    except SyntaxError as exc:
        raise KataFailure(f"{shown_as} has a syntax error at line {exc.lineno}: {exc.msg}") from None
    functions = [
        node for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function_name
    ]
    if not functions:
        raise KataFailure(f"{shown_as} does not define a function named {function_name}()")
    function = functions[-1]  # the last definition is the one that counts at run time

    problems: list[str] = []
    if rules.assign_only is not None:
        allowed = set(rules.assign_only)
        for name in _stored_names(function):
            if name.id not in allowed:
                problems.append(
                    f"{shown_as}:{name.lineno}: assigns to '{name.id}'; only "
                    f"{' and '.join(rules.assign_only)} may be assigned (no extra variable)"
                )
    if rules.no_packing:
        for line, code in _packing(function, source):
            problems.append(
                f"{shown_as}:{line}: '{code}' builds or unpacks a tuple or list; "
                f"do it without packing values together"
            )
    if rules.ends_with_return is not None:
        ending = _ending(function, rules.ends_with_return, source)
        if ending is not None:
            wanted = ", ".join(rules.ends_with_return)
            problems.append(
                f"{shown_as}:{function.body[-1].lineno}: {function_name}() must end with "
                f"'return {wanted}'; {ending}"
            )
    if problems:
        advice = f"\n{rules.advice}" if rules.advice else ""
        raise KataFailure("\n".join(problems) + advice)


def read_source(path: Path, shown_as: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise KataFailure(f"{shown_as} is not UTF-8 text; save it as UTF-8") from None
