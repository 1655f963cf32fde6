"""The learner's progress across runs, kept in one small JSON file.

Per kata: when it was first seen and first solved, how many failing runs since
it was last solved, and its last status. Plus a bounded history of
runs. The file is read, updated and replaced under a lock, through a temporary
file and a rename, so two runs at once or a crash never leave half a file.
"""
from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .files import write_atomically

FORMAT = 1
HISTORY_LIMIT = 50
SOLVED, FAILING, NOT_STARTED, NOT_RUN = "solved", "failing", "not started", "not run"


def empty() -> dict[str, Any]:
    return {"format": FORMAT, "katas": {}, "runs": []}


def untouched(path: Path, function: str) -> bool:
    """True when ``function`` in ``path`` is still a stub: only a docstring, ``pass``,
    ``...`` or ``raise NotImplementedError`` (comments do not count)."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    found = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == function]
    if not found:
        return False
    for statement in found[-1].body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring or `...`
        if isinstance(statement, ast.Raise) and "NotImplementedError" in ast.dump(statement):
            continue
        return False
    return True


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``path`` while reading and replacing it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the rename alone keeps the file whole
        yield
        return
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read(path: Path) -> tuple[dict[str, Any], str | None]:
    """The stored progress, and a warning when the file had to be set aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return empty(), None
    except OSError as exc:
        return empty(), f"kata: cannot read progress file {path} ({exc.strerror}); progress starts afresh"
    problem = None
    try:
        data = json.loads(text)
    except ValueError:
        problem = "it is not valid JSON"
    else:
        if not isinstance(data, dict) or not isinstance(data.get("katas"), dict) \
                or not isinstance(data.get("runs"), list):
            problem = "it is not a progress file"
        elif data.get("format") != FORMAT:
            problem = f"its format {data.get('format')!r} is not {FORMAT}, the one this version reads"
    if problem is None:
        return data, None
    aside = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.bak")
    os.replace(path, aside)
    return empty(), f"kata: progress file {path} set aside as {aside}: {problem}; progress starts afresh"


def write(path: Path, data: dict[str, Any]) -> None:
    write_atomically(path, json.dumps(data, indent=1, sort_keys=True) + "\n")


@dataclass(frozen=True)
class Outcome:
    """One kata's result in this run, known only when every check of it ran."""

    kata: str
    solved: bool


def record(data: dict[str, Any], outcomes: list[Outcome], statuses: dict[str, str],
           solved_by_round: dict[str, int], now: str) -> None:
    """Fold this run's outcomes into ``data`` (in place)."""
    for outcome in outcomes:
        kata = data["katas"].setdefault(outcome.kata, {
            "first_seen": now, "first_solved": None, "failing_runs": 0,
            "last_status": None,
        })
        if outcome.solved:
            kata["first_solved"] = kata["first_solved"] or now
            kata["failing_runs"] = 0
            kata["last_status"] = SOLVED
        else:
            kata["failing_runs"] += 1
            kata["last_status"] = statuses[outcome.kata]
    if outcomes:
        data["runs"].append({"time": now, "solved": solved_by_round})
        del data["runs"][:-HISTORY_LIMIT]


def hints_unlocked(kata: dict[str, Any] | None, available: int) -> int:
    """One hint after the first failing run, one more after every three more; all once solved."""
    if kata is None:
        return 0
    if kata.get("first_solved"):
        return available
    runs = kata.get("failing_runs", 0)
    return min(available, 0 if runs == 0 else 1 + (runs - 1) // 3)
