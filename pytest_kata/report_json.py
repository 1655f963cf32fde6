"""The run's report document, and the files written from it."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from .files import write_atomically
from .results import RunResults, kata_status
from .rounds import KataEntry, Round

VERSION = 1


class Reports:
    """A plugin that builds the run's report document once, at the end, and writes every
    requested form of it: ``--kata-json``, ``--kata-exercism``, ``--kata-gradescope`` and
    the GitHub step summary. In grade mode it also sets the exit status from the score."""

    def __init__(self, settings, results: RunResults, katas: list[KataEntry], rounds: list[Round],
                 isolation: str, github_summary: Path | None) -> None:
        self.settings = settings
        self.seed = settings.seed
        self.results = results
        self.katas = katas
        self.rounds = rounds
        self.isolation = isolation
        self.github_summary = github_summary
        self.started = time.monotonic()
        self.sink_failure: str | None = None

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        settings = self.settings
        students = list(settings.students) or [None]
        documents = {student: self.document(student) for student in students}
        if settings.students:
            document = {
                "version": VERSION, "seed": self.seed, "isolation": self._isolation(),
                "students": [{"student": name, **documents[name]} for name in settings.students],
            }
            for each in document["students"]:
                for key in ("version", "seed", "isolation"):
                    del each[key]
        else:
            document = documents[None]
        self._documents = documents
        try:
            session.config.hook.pytest_kata_report(config=session.config, document=document)
        except Exception as exc:  # a plugin's sink: ours (tryfirst) has written its files already
            self.sink_failure = f"a pytest_kata_report hook raised {type(exc).__name__}: {exc}"
        self.grades = {
            student: (each["score"], each["max_score"],
                      each["max_score"] > 0 and each["score"] >= settings.pass_score * each["max_score"])
            for student, each in documents.items()
        }
        if settings.grade and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            everyone = all(passed for _, _, passed in self.grades.values())
            session.exitstatus = pytest.ExitCode.OK if everyone else pytest.ExitCode.TESTS_FAILED

    @pytest.hookimpl(tryfirst=True)
    def pytest_kata_report(self, config: pytest.Config, document: dict) -> None:
        """The built-in report sink: the files the --kata-* report options ask for. It runs
        first, so a plugin's sink that fails cannot cost the grader these files."""
        from . import report_ci

        settings, documents = self.settings, self._documents
        if settings.json_report is not None:
            write_atomically(settings.json_report, json.dumps(document, indent=2) + "\n")
        if settings.csv is not None:
            write_atomically(settings.csv, self._csv(documents))
        if settings.exercism is not None:
            outputs = {
                (entry["fields"]["kata"], entry["fields"]["check"]): entry["fields"]["output"]
                for entry in self.results.checks.values() if entry["fields"].get("output")
            }
            report_ci.write_json(settings.exercism, report_ci.exercism(document, outputs=outputs))
        if settings.gradescope is not None:
            elapsed = time.monotonic() - self.started
            report_ci.write_json(settings.gradescope, report_ci.gradescope(document, elapsed))
        if self.github_summary is not None:
            with open(self.github_summary, "a", encoding="utf-8") as summary:
                for student, each in documents.items():
                    if student is not None:
                        summary.write(f"## {student}\n\n")
                    summary.write(report_ci.github_summary(each) + "\n")

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.sink_failure is not None:
            terminalreporter.write_line(f"kata: {self.sink_failure}; the built-in reports were written", red=True)
        if not (self.settings.grade or self.settings.students):
            return
        for student, (score, most, passed) in getattr(self, "grades", {}).items():
            needed = self.settings.pass_score * most
            who = f" {student}:" if student is not None else ":"
            terminalreporter.write_line(
                f"kata grade{who} {score:g} / {most:g} points ({'pass' if passed else 'fail'}; "
                f"{needed:g} needed)", green=passed, red=not passed, bold=True)

    def _csv(self, documents: dict[str | None, dict[str, Any]]) -> str:
        import csv
        import io

        numbers = [found["round"] for found in next(iter(documents.values()))["rounds"]]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["student", *[f"round {number}" for number in numbers], "total", "max"])
        for student, document in documents.items():
            name = student if student is not None else (
                self.settings.solutions.name if self.settings.solutions is not None else "")
            scores = {found["round"]: found["score"] for found in document["rounds"]}
            writer.writerow([name, *[f"{scores[number]:g}" for number in numbers],
                             f"{document['score']:g}", f"{document['max_score']:g}"])
        return out.getvalue()

    def _isolation(self) -> str:
        from .sandbox import weakest

        # Claim no more than held: the weakest level any check ran learner code under.
        found = weakest(check["fields"].get("isolation") for check in self.results.checks.values())
        return found or self.isolation

    def document(self, student: str | None = None) -> dict[str, Any]:
        katas = []
        for entry in self.katas:
            ran = self.results.of_kata(entry.id, student)
            if not ran:
                continue
            fields = ran[0]["fields"]
            checks = [{
                "name": check["fields"]["check"],
                "status": check["status"] or "skipped",
                "cases": check["fields"]["cases"],
                # A passing check may carry a one-line result (the performance timings).
                "message": check["message"] or check["fields"].get("summary"),
                "score": _points(check["fields"]["max_score"]) if check["status"] == "passed" else 0,
                "max_score": _points(check["fields"]["max_score"]),
            } for check in ran]
            status = kata_status([check["status"] for check in checks])
            katas.append({
                "id": entry.id, "title": fields["title"], "round": fields["round"],
                "kind": fields["kind"], "status": status,
                "solved": status == "passed" and len(checks) == len(entry.checks),
                "score": _points(sum(check["score"] for check in checks)),
                # A kata whose checks did not all run is still worth its whole weight.
                "max_score": _points(entry.weight),
                "checks": checks,
            })
        rounds = self._rounds(katas)
        return {
            "version": VERSION, "seed": self.seed, "isolation": self._isolation(),
            "score": _points(sum(kata["score"] for kata in katas)),
            "max_score": _points(sum(kata["max_score"] for kata in katas)),
            "rounds": rounds, "katas": katas,
        }

    def _rounds(self, katas: list[dict[str, Any]]) -> list[dict[str, Any]]:
        titles = {found.number: found.title for found in self.rounds}
        numbers = sorted(set(titles) | {entry.round for entry in self.katas if entry.round is not None})
        solved = {kata["id"] for kata in katas if kata["solved"]}
        return [{
            "round": number,
            "title": titles.get(number, f"Round {number}"),
            "solved": sum(1 for entry in self.katas if entry.round == number and entry.id in solved),
            "total": sum(1 for entry in self.katas if entry.round == number),
            "score": _points(sum(kata["score"] for kata in katas if kata["round"] == number)),
            "max_score": _points(sum(kata["max_score"] for kata in katas if kata["round"] == number)),
        } for number in numbers]


def _points(value: float) -> float:
    """Scores rounded for people: 1/3 of a point shows as 0.3333."""
    return round(value, 4)
