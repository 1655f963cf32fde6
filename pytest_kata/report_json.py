"""The ``--kata-json`` report."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .files import write_atomically
from .results import RunResults, kata_status
from .rounds import KataEntry, Round

VERSION = 1


class JsonReport:
    """A plugin that writes the report when the session ends (on the controller only)."""

    def __init__(self, path: Path, seed: int, results: RunResults, katas: list[KataEntry],
                 rounds: list[Round]) -> None:
        self.path = path
        self.seed = seed
        self.results = results
        self.katas = katas
        self.rounds = rounds

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        write_atomically(self.path, json.dumps(self.document(), indent=2) + "\n")

    def document(self) -> dict[str, Any]:
        katas = []
        for entry in self.katas:
            ran = self.results.of_kata(entry.id)
            if not ran:
                continue
            fields = ran[0]["fields"]
            checks = [{
                "name": check["fields"]["check"],
                "status": check["status"] or "skipped",
                "cases": check["fields"]["cases"],
                "message": check["message"],
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
            "version": VERSION, "seed": self.seed,
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
