"""pytest collectors and items: a kata folder is a collector, each check an item."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from .checks import CheckRun, run_check
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
# Katas already read this run (by the reporters, at configure time), by folder.
LOADED_KATAS = pytest.StashKey[dict]()


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
            kata = self.config.stash.get(LOADED_KATAS, {}).get(self.path) or load_kata(self.path, label)
        except KataDefinitionError as problem:
            # An item rather than a collection error: pytest stops the whole run
            # on collection errors, and one broken kata must not stop the others.
            for student in self._students():
                name = KATA_FILE if student is None else f"{KATA_FILE}[{student}]"
                yield BrokenKata.from_parent(self, name=name, problem=problem, student=student)
            return
        settings = self.config.stash[SETTINGS_KEY]
        if settings.validate:
            from .validate import variants

            worked = settings.solutions / kata.id / SOLUTION_FILE if settings.solutions is not None else None
            for variant in variants(kata, worked):
                yield KataValidation.from_parent(self, name=f"validate[{variant.name}]", check="validate",
                                                 kata=kata, label=label, variant=variant)
            return
        for check in kata.checks:
            for student in self._students():
                name = check if student is None else f"{check}[{student}]"
                yield KataCheck.from_parent(self, name=name, check=check, kata=kata, label=label,
                                            student=student)

    def _students(self) -> list[str | None]:
        """Under --kata-submissions, every student's name; else one run of the learner's own."""
        return self.config.stash[SETTINGS_KEY].students or [None]


class BrokenKata(pytest.Item):
    """Stands for a kata whose kata.toml cannot be used; it errors in setup."""

    def __init__(self, *, problem: KataDefinitionError, student: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem
        self.kata_report_fields = {
            "kata": self.path.name, "title": self.path.name, "round": None, "order": 0,
            "kind": None, "check": KATA_FILE, "position": 0, "cases": 0, "max_score": 1,
            "student": student,
        }

    def setup(self) -> None:
        raise self.problem

    def runtest(self) -> None:  # pragma: no cover - setup always raises
        raise self.problem

    def reportinfo(self):
        return self.path / KATA_FILE, None, f"{self.path.name}: {KATA_FILE}"


class KataCheck(pytest.Item):
    """One check (examples, generated, rules) of one kata, or one card of a deck."""

    def __init__(self, *, kata: Kata, label: str, check: str, student: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kata = kata
        self.label = label
        self.check = check
        self.student = student
        self.check_run: CheckRun | None = None
        self.kata_report_fields = {
            "kata": kata.id, "title": kata.title, "round": kata.round, "order": kata.order,
            "kind": kata.kind, "check": check, "position": kata.checks.index(check) if check in kata.checks else 0,
            "cases": 0, "max_score": kata.max_score(check) if check in kata.checks else 1, "student": student,
        }
        if kata.kind == "cards" and check in kata.checks:
            self.kata_report_fields["question"] = kata.card(check).front

    def _hidden(self, graded: bool) -> tuple[Path, ...]:
        """Folders the learner's code must not see: the katas; for graded code also the
        project and every submission (a classmate's included)."""
        settings = self.config.stash[SETTINGS_KEY]
        if not graded:
            return settings.paths
        extra = (self.config.invocation_params.dir, self.config.rootpath, settings.solutions, settings.submissions)
        return settings.paths + tuple(path for path in extra if path is not None)

    def _submission_root(self) -> Path:
        settings = self.config.stash[SETTINGS_KEY]
        if self.student is not None:
            return settings.submissions / self.student
        return settings.solutions if settings.solutions is not None else self.kata.folder

    def solution_path(self) -> Path:
        settings = self.config.stash[SETTINGS_KEY]
        if self.student is not None:
            folder = settings.submissions / self.student / self.kata.id
        elif settings.solutions is not None:
            folder = settings.solutions / self.kata.id
        else:
            folder = self.kata.folder
        return folder / SOLUTION_FILE

    def runtest(self) -> None:
        settings = self.config.stash[SETTINGS_KEY]
        solution = self.solution_path()
        graded = settings.grade or settings.solutions is not None or self.student is not None
        self.check_run = self._check_run(solution, graded)
        try:
            run_check(self.check_run, self.check)
            if self.kata.kind == "cards":
                self.kata_report_fields["back"] = self.kata.card(self.check).back
        finally:
            self.kata_report_fields["cases"] = self.check_run.cases
            if self.check_run.summary:
                self.kata_report_fields["summary"] = self.check_run.summary
            if self.check_run.isolation is not None:
                self.kata_report_fields["isolation"] = self.check_run.isolation
            if self.check_run.output:
                self.kata_report_fields["output"] = self.check_run.output[:2000]

    def _check_run(self, solution: Path, graded: bool, root: Path | None = None) -> CheckRun:
        settings = self.config.stash[SETTINGS_KEY]
        shown = _relative(solution, self.config.invocation_params.dir)
        return CheckRun(
            self.kata, self.label, solution, shown, settings.seed,
            in_process=settings.in_process, cwd=self.config.invocation_params.dir,
            limits=Limits(call_seconds=settings.time_limit, load_seconds=5 * settings.time_limit,
                          check_seconds=20 * settings.time_limit, memory_mib=settings.memory_limit),
            hidden=self._hidden(graded),
            # Code that is not the learner's own (a submission, a grade) may write nowhere.
            read_only=graded,
            submission_root=(root or self._submission_root()) if graded else None,
            hook=self.config.hook,
        )

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


class KataValidation(KataCheck):
    """``--kata-validate``: every check of a kata against one solution with a known verdict."""

    def __init__(self, *, variant, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.variant = variant
        self.kata_report_fields["check"] = self.name

    def runtest(self) -> None:
        import pytest as _pytest

        from .errors import KataFailure
        from .validate import validate

        def status_of(check: str, solution: Path) -> tuple[str, str]:
            # Anything but the shipped deck itself is read as a graded copy.
            run = self._check_run(solution, graded=solution != self.kata.folder / SOLUTION_FILE,
                                  root=solution.parent)
            try:
                run_check(run, check)
            except KataFailure as failure:
                return "failed", str(failure)
            except _pytest.skip.Exception as skipped:
                return "skipped", str(skipped.msg)
            return "passed", ""

        problems = validate(self.kata, self.variant, status_of)
        if problems:
            raise KataFailure("\n".join(problems))

    def reportinfo(self):
        return self.variant.solution, None, f"{self.kata.id}: {self.name}"
