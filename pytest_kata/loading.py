"""Loading Python files of a kata (solution, reference, strategies) as fresh modules.

Files are compiled from their text and executed into a new module object: no
entry in ``sys.modules`` (two katas may both have a ``reference.py``) and no
``__pycache__`` written into kata folders or submissions.
"""
from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Callable

from . import worker
from .errors import KataDefinitionError, KataFailure


def learner_traceback(exc: BaseException, solution: Path, shown_as: str) -> str:
    """The traceback of ``exc`` cut down to the frames in the learner's own file."""
    return worker.learner_traceback(exc, str(solution), shown_as)


def _execute(path: Path, module_name: str) -> types.ModuleType:
    # utf-8-sig: Python itself accepts a byte-order mark at the top of a file.
    source = path.read_text(encoding="utf-8-sig")
    code = compile(source, str(path), "exec", dont_inherit=True)
    module = types.ModuleType(module_name)
    module.__file__ = str(path)
    # Registered under its own name, because code such as @dataclass looks its
    # module up in sys.modules while the file runs. The next load replaces it.
    sys.modules[module_name] = module
    exec(code, module.__dict__)
    return module


def load_learner_module(path: Path, kata_id: str, shown_as: str) -> types.ModuleType:
    """Run the learner's file; any problem becomes a :class:`KataFailure` they can act on."""
    try:
        return _execute(path, f"kata_solution_{kata_id}")
    except SyntaxError as exc:
        raise KataFailure(worker.describe_syntax_error(exc, shown_as)) from None
    except UnicodeDecodeError:
        raise KataFailure(f"{shown_as} is not UTF-8 text; save it as UTF-8") from None
    except BaseException as exc:  # noqa: BLE001 - SystemExit etc. are the learner's verdict too
        raise KataFailure(
            f"{shown_as} raised {type(exc).__name__} while being loaded:\n"
            + learner_traceback(exc, path, shown_as)
        ) from None


def load_trusted_module(path: Path, kata_id: str, role: str) -> types.ModuleType:
    """Run an author's file (reference, strategies); problems are the kata's, not the learner's."""
    try:
        return _execute(path, f"kata_{role}_{kata_id}")
    except Exception as exc:
        raise KataDefinitionError(
            f"kata {kata_id!r}: {role} file {path} failed to load: "
            f"{type(exc).__name__}: {exc}"
        ) from None


def function_from(module: types.ModuleType, name: str, path: object, *, learner: bool) -> Callable:
    function = getattr(module, name, None)
    if callable(function):
        return function
    message = f"{path} does not define a function named {name}()"
    if learner:
        raise KataFailure(message)
    raise KataDefinitionError(message)
