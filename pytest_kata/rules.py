"""The ``rules`` check: how the learner's function is written, read with ``ast``.

Rules never run the learner's code; they read it, so they cannot be fooled by
what the function does at run time, only by what it says.
"""
from __future__ import annotations

import ast
from pathlib import Path

from .definition import Rules
from .errors import KataFailure


def _bound_names(function: ast.FunctionDef) -> list[tuple[int, str]]:
    """Every name the function binds, however it binds it (``=``, ``for``, ``except ... as``,
    ``import``, nested ``def``/``class``/``lambda`` and their parameters, ``match``)."""
    found = []
    for node in ast.walk(function):
        line = getattr(node, "lineno", function.lineno)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.append((line, node.id))
        elif isinstance(node, ast.arg):
            found.append((line, node.arg))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.append((line, node.name))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not function:
            found.append((line, node.name))
        elif isinstance(node, ast.alias):
            found.append((line, (node.asname or node.name).split(".")[0]))
        else:
            for attribute in ("name", "rest"):  # match patterns (Python 3.10+)
                value = getattr(node, attribute, None)
                if type(node).__name__.startswith("Match") and isinstance(value, str):
                    found.append((line, value))
    return found


# Ways to hold two values in one place: displays, comprehensions, unpacking,
# indexing, and the builtins that build containers.
_PACKING_NODES = (
    ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Starred, ast.Subscript,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
)
_PACKING_CALLS = {"tuple", "list", "dict", "set", "frozenset", "divmod", "zip", "reversed", "sorted", "map"}


def _packs(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, _PACKING_NODES):
            return True
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in _PACKING_CALLS:
            return True
    return False


def _code(source: str, node: ast.AST) -> str:
    """The learner's own text for ``node``, first line only."""
    text = ast.get_source_segment(source, node) or ast.unparse(node)
    return text.splitlines()[0]


def _packing(function: ast.FunctionDef, source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            sides = list(targets) + ([node.value] if node.value is not None else [])
            if any(_packs(side) for side in sides):
                found.append((node.lineno, _code(source, node)))
    return found


def _early_returns(function: ast.FunctionDef, source: str) -> list[tuple[int, str]]:
    last = function.body[-1]
    return [
        (node.lineno, _code(source, node)) for node in ast.walk(function)
        if isinstance(node, ast.Return) and node is not last
    ]


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


def _around(tree: ast.Module, function: ast.FunctionDef, source: str, shown_as: str, rules: Rules) -> list[str]:
    """What the rest of the file does to the checked function: a decorator, a later
    rebinding of its name, or (with no_packing) helpers that pack values for it."""
    name = function.name
    problems = [
        f"{shown_as}:{decorator.lineno}: {name}() is decorated with "
        f"'@{_code(source, decorator)}'; the rules check the function as written"
        for decorator in function.decorator_list
    ]
    others = [node for node in tree.body if node is not function]
    for statement in others:
        after = statement.lineno > function.lineno
        for node in ast.walk(statement):
            rebinds = (
                (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == name)
                or (isinstance(node, ast.alias) and (node.asname or node.name) == name)
                or (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                    and node.name == name)
            )
            if rebinds and after:
                problems.append(f"{shown_as}:{node.lineno}: '{_code(source, statement)}' replaces {name}() "
                                f"after its definition; the rules check the function as written")
            if rules.no_packing and isinstance(node, _PACKING_NODES) and not isinstance(node, ast.Subscript):
                problems.append(f"{shown_as}:{node.lineno}: '{_code(source, statement)}' packs values "
                                f"outside {name}(); helpers may not do it for you")
                break
    return problems


def check_rules(source: str, shown_as: str, function_name: str, rules: Rules) -> None:
    """Raise :class:`KataFailure` listing every broken rule, each with its line."""
    try:
        tree = ast.parse(source, filename=shown_as)
    except SyntaxError as exc:
        where = f" at line {exc.lineno}" if exc.lineno else ""
        raise KataFailure(f"{shown_as} has a syntax error{where}: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise KataFailure(f"{shown_as} cannot be read as Python: {type(exc).__name__}") from None
    functions = [
        node for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function_name
    ]
    if not functions:
        raise KataFailure(f"{shown_as} does not define a function named {function_name}()")
    function = functions[-1]  # the last definition is the one that counts at run time

    problems: list[str] = _around(tree, function, source, shown_as, rules)
    if rules.assign_only is not None:
        allowed = set(rules.assign_only)
        for line, name in _bound_names(function):
            if name not in allowed:
                problems.append(
                    f"{shown_as}:{line}: assigns to '{name}'; only "
                    f"{' and '.join(rules.assign_only)} may be assigned (no extra variable)"
                )
    if rules.no_packing:
        for line, code in _packing(function, source):
            problems.append(
                f"{shown_as}:{line}: '{code}' builds or unpacks a tuple or list; "
                f"do it without packing values together"
            )
    if rules.ends_with_return is not None:
        for line, code in _early_returns(function, source):
            problems.append(
                f"{shown_as}:{line}: '{code}' returns before the end; {function_name}() has one "
                f"return, its last statement"
            )
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
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KataFailure(f"{shown_as} is not UTF-8 text; save it as UTF-8") from None
