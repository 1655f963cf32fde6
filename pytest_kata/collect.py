"""pytest collectors and items: a kata folder is a collector, each check an item."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from .checks import CHECKS, CheckRun
from .sandbox import Limits
from .definition import KATA_FILE, SOLUTION_FILE, Kata, load_kata
from .errors import KataDefinitionError, KataError
from .settings import SETTINGS_KEY


def _relative(path: Path, start: Path) -> str:
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive on Windows
        return str(path)


_KATA_FOLDERS = pytest.StashKey[dict]()


class KataDirectory(pytest.Directory):
    """A folder holding a ``kata.toml``. Its other files are the kata's, not tests."""

    def collect(self) -> Iterator[pytest.Item]:
        label = _relative(self.path / KATA_FILE, self.config.rootpath)
        seen = self.session.stash.setdefault(_KATA_FOLDERS, {})
        first = seen.setdefault(self.path.name, self.path)
        try:
            if first != self.path:
                # Solutions, progress and reports are all keyed by the kata id.
                raise KataDefinitionError(
                    f"{label}: the kata id {self.path.name!r} is already used by "
                    f"{_relative(first, self.config.rootpath)}; rename one of the folders"
                )
            kata = load_kata(self.path, label)
        except KataDefinitionError as problem:
            # An item rather than a collection error: pytest stops the whole run
            # on collection errors, and one broken kata must not stop the others.
            yield BrokenKata.from_parent(self, name=KATA_FILE, problem=problem)
            return
        for check in kata.checks:
            yield KataCheck.from_parent(self, name=check, kata=kata, label=label)


class BrokenKata(pytest.Item):
    """Stands for a kata whose kata.toml cannot be used; it errors in setup."""

    def __init__(self, *, problem: KataDefinitionError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem
        self.kata_report_fields = {
            "kata": self.path.name, "title": self.path.name, "round": None, "order": 0,
            "kind": None, "check": KATA_FILE, "position": 0, "cases": 0, "max_score": 1,
        }

    def setup(self) -> None:
        raise self.problem

    def runtest(self) -> None:  # pragma: no cover - setup always raises
        raise self.problem

    def reportinfo(self):
        return self.path / KATA_FILE, None, f"{self.path.name}: {KATA_FILE}"


class KataCheck(pytest.Item):
    """One check (examples, generated, rules) of one kata."""

    def __init__(self, *, kata: Kata, label: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kata = kata
        self.label = label
        self.check_run: CheckRun | None = None
        self.kata_report_fields = {
            "kata": kata.id, "title": kata.title, "round": kata.round, "order": kata.order,
            "kind": kata.kind, "check": self.name, "position": kata.checks.index(self.name),
            "cases": 0, "max_score": kata.max_score(self.name),
        }

    def solution_path(self) -> Path:
        solutions = self.config.stash[SETTINGS_KEY].solutions
        folder = solutions / self.kata.id if solutions is not None else self.kata.folder
        return folder / SOLUTION_FILE

    def runtest(self) -> None:
        settings = self.config.stash[SETTINGS_KEY]
        solution = self.solution_path()
        shown = _relative(solution, self.config.invocation_params.dir)
        self.check_run = CheckRun(
            self.kata, self.label, solution, shown, settings.seed,
            in_process=settings.in_process, cwd=self.config.invocation_params.dir,
            limits=Limits(call_seconds=settings.time_limit, load_seconds=5 * settings.time_limit,
                          memory_mib=settings.memory_limit),
            hidden=settings.paths,
        )
        try:
            CHECKS[self.name](self.check_run)
        finally:
            self.kata_report_fields["cases"] = self.check_run.cases
            if self.name != "rules":  # rules read the code; they never run it
                self.kata_report_fields["isolation"] = self.check_run.isolation

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None):
        if isinstance(excinfo.value, KataError):
            return str(excinfo.value)
        if self.config.getoption("fulltrace", False):
            return super().repr_failure(excinfo)
        return (
            f"pytest-kata failed while running this check: {excinfo.typename}: {excinfo.value}\n"
            f"This is a bug in pytest-kata, not in your solution; rerun with --full-trace "
            f"and report what it shows."
        )

    def reportinfo(self):
        return self.solution_path(), None, f"{self.kata.id}: {self.name}"
