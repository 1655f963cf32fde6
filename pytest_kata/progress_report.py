"""The learner's view at the end of a run: rounds, katas, what changed, and what to do next."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from . import progress
from .progress import FAILING, NOT_RUN, NOT_STARTED, SOLVED, Outcome
from .results import RunResults
from .rounds import KataEntry, Round

WIDTH = 80  # every line fits an 80-column terminal
BAR = 10


@dataclass
class KataState:
    entry: KataEntry
    status: str
    passed: int
    failure: str | None  # "check: first line of its message"
    newly_solved: bool = False
    newly_broken: bool = False


def _fit(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


class ProgressReport:
    """A plugin on the reporting process: records progress and prints the report."""

    def __init__(self, *, store: Path | None, results: RunResults, katas: list[KataEntry],
                 rounds: list[Round], solution_of, invocation_dir: Path, warnings: list[str]) -> None:
        self.store = store  # None: nothing is written (grading a folder of solutions, --collect-only)
        self.results = results
        self.katas = katas
        self.rounds = rounds
        self.solution_of = solution_of
        self.invocation_dir = invocation_dir
        self.warnings = list(warnings)
        self.states: list[KataState] = []

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.store is None:
            self.states = self._states(progress.empty())
            return
        with progress.locked(self.store):
            data, warning = progress.read(self.store)
            if warning:
                self.warnings.append(warning)
            self.states = self._states(data)
            outcomes = [
                Outcome(state.entry.id, state.status == SOLVED)
                for state in self.states if self._complete(state.entry)
            ]
            solved = {str(number): count for number, (count, _) in self._round_counts().items()}
            statuses = {state.entry.id: state.status for state in self.states}
            progress.record(data, outcomes, statuses, solved, time.strftime("%Y-%m-%dT%H:%M:%S"))
            if outcomes:
                progress.write(self.store, data)

    def _complete(self, entry: KataEntry) -> bool:
        ran = self.results.of_kata(entry.id)
        return len(ran) == len(entry.checks) and all(check["status"] for check in ran)

    def _states(self, data: dict[str, Any]) -> list[KataState]:
        states = []
        for entry in self.katas:
            before = data["katas"].get(entry.id) or {}
            ran = self.results.of_kata(entry.id)
            passed = sum(1 for check in ran if check["status"] == "passed")
            failed = next((check for check in ran if check["status"] in ("failed", "error")), None)
            failure = None
            if failed is not None:
                first_line = next((line for line in (failed["message"] or "").splitlines() if line.strip()), "")
                failure = f"{failed['fields']['check']}: {first_line}"
            if not self._complete(entry):
                status = before.get("last_status") or NOT_RUN
            elif failed is None and passed == len(entry.checks):
                status = SOLVED
            else:
                untouched = passed == 0 and progress.untouched(self.solution_of(entry), entry.function)
                status = NOT_STARTED if untouched else FAILING
            complete = self._complete(entry)
            states.append(KataState(
                entry, status, passed, failure,
                newly_solved=complete and status == SOLVED and before.get("last_status") != SOLVED,
                newly_broken=complete and status != SOLVED and before.get("last_status") == SOLVED,
            ))
        return states

    def _round_counts(self) -> dict[int, tuple[int, int]]:
        counts: dict[int, tuple[int, int]] = {}
        for state in self.states:
            if state.entry.round is not None:
                solved, total = counts.get(state.entry.round, (0, 0))
                counts[state.entry.round] = (solved + (state.status == SOLVED), total + 1)
        return counts

    def pytest_terminal_summary(self, terminalreporter) -> None:
        write = terminalreporter.write_line
        terminalreporter.write_sep("=", "kata progress")
        for warning in self.warnings:
            write(warning, yellow=True)  # whole: it names paths the learner needs
        titles = {found.number: found for found in self.rounds}
        numbers = sorted(set(titles) | {s.entry.round for s in self.states if s.entry.round is not None})
        groups = [(number, [s for s in self.states if s.entry.round == number]) for number in numbers]
        unassigned = [s for s in self.states if s.entry.round is None]
        if unassigned:
            groups.append((None, unassigned))
        for number, states in groups:
            self._write_round(write, titles.get(number) if number is not None else None, number, states)
        self._write_changes(write)
        self._write_next(write)

    def _write_round(self, write, described: Round | None, number: int | None, states: list[KataState]) -> None:
        if number is None:
            name = "No round"
        else:
            title = described.title if described else ""
            minutes = f", {described.minutes} min" if described and described.minutes else ""
            name = f"Round {number}  {title}{minutes}"
        name = _fit(name, 42).ljust(42)
        if not states:
            write(f"{name}  no katas yet")
            return
        solved = sum(1 for state in states if state.status == SOLVED)
        checks = sum(len(state.entry.checks) for state in states)
        passed = sum(state.passed for state in states)
        filled = round(BAR * passed / checks) if checks else 0
        bar = "#" * filled + "-" * (BAR - filled)
        write(f"{name}  [{bar}] {solved}/{len(states)} katas  {passed}/{checks} checks",
              bold=True, green=solved == len(states))
        for state in states:
            mark, detail, colour = {
                SOLVED: ("[x]", "solved", "green"),
                FAILING: ("[!]", f"failing {state.failure or ''}".rstrip(), "red"),
                NOT_STARTED: ("[ ]", "not started", "yellow"),
                NOT_RUN: ("[ ]", "not run yet", "yellow"),
            }[state.status]
            if state.status != SOLVED and not self._complete(state.entry) and state.status != NOT_RUN:
                detail = f"{detail} (not run this time)"
            width = min(max([18] + [len(other.entry.id) for other in self.states]), 30)  # ids line up
            write(_fit(f"  {mark} {state.entry.id:<{width}} {detail}"), **{colour: True})

    def _write_changes(self, write) -> None:
        if self.store is None:
            return  # nothing recorded, so nothing to compare with
        solved = [state.entry.id for state in self.states if state.newly_solved]
        broken = [state.entry.id for state in self.states if state.newly_broken]
        if solved:
            write(_fit(f"Newly solved: {', '.join(solved)}"), green=True)
        if broken:
            write(_fit(f"Newly broken: {', '.join(broken)}"), red=True)

    def _write_next(self, write) -> None:
        todo = next((state for state in self.states if state.status != SOLVED), None)
        if todo is None:
            if self.states:
                write("Every kata is solved. Well done.", green=True, bold=True)
            return
        where = f"round {todo.entry.round}" if todo.entry.round is not None else "no round"
        path = os.path.relpath(self.solution_of(todo.entry), self.invocation_dir)
        write(_fit(f"Next: {todo.entry.title} ({todo.entry.id}, {where})"), bold=True)
        write(f"  edit {path}")
        if todo.failure:
            write(_fit(f"  {todo.failure}"))
        elif not self._complete(todo.entry):
            write(_fit(f"  not run this time; run pytest --kata -k {todo.entry.id}"))
        if todo.entry.hints:
            write(_fit(f"  Stuck? pytest --kata-hint {todo.entry.id}"))
