"""The ``--kata-json`` report, built from test reports so that it also counts xdist workers' results."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .files import write_atomically

VERSION = 1
_STATUS_ORDER = ("error", "failed", "passed", "skipped")


class JsonReport:
    """A plugin, registered on the process that writes the file (never an xdist worker)."""

    def __init__(self, path: Path, seed: int) -> None:
        self.path = path
        self.seed = seed
        self.checks: dict[tuple[str, str], dict[str, Any]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        fields = getattr(report, "kata_report_fields", None)
        if fields is None:
            return
        key = (fields["kata"], fields["check"])
        entry = self.checks.setdefault(key, {"fields": fields, "status": None, "message": None})
        entry["fields"] = fields  # the call phase knows how many cases ran
        status = _phase_status(report)
        if status == "failed" and fields["broken"]:
            status = "error"
        if status is None:
            return
        if entry["status"] is None or _STATUS_ORDER.index(status) < _STATUS_ORDER.index(entry["status"]):
            entry["status"] = status
            if status in ("error", "failed"):
                entry["message"] = report.longreprtext
            elif status == "skipped":
                entry["message"] = _skip_reason(report)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        write_atomically(self.path, json.dumps(self.document(), indent=2) + "\n")

    def document(self) -> dict[str, Any]:
        katas: dict[str, dict[str, Any]] = {}
        ordered = sorted(self.checks.values(), key=lambda entry: entry["fields"]["position"])
        for entry in ordered:
            fields = entry["fields"]
            kata = katas.setdefault(fields["kata"], {
                "id": fields["kata"], "title": fields["title"], "round": fields["round"],
                "kind": fields["kind"], "status": None, "checks": [], "_order": fields["order"],
            })
            kata["checks"].append({
                "name": fields["check"],
                "status": entry["status"] or "skipped",
                "cases": fields["cases"],
                "message": entry["message"],
            })
        for kata in katas.values():
            statuses = [check["status"] for check in kata["checks"]]
            kata["status"] = next(
                (status for status in _STATUS_ORDER[:2] if status in statuses),
                "passed" if "passed" in statuses else "skipped",
            )
        in_order = sorted(
            katas.values(),
            key=lambda kata: (kata["round"] is None, kata["round"] or 0, kata["_order"], kata["id"]),
        )
        for kata in in_order:
            del kata["_order"]
        return {"version": VERSION, "seed": self.seed, "katas": in_order}


def _phase_status(report: pytest.TestReport) -> str | None:
    if report.when == "call":
        return "passed" if report.passed else "skipped" if report.skipped else "failed"
    if report.failed:
        return "error"
    if report.skipped:
        return "skipped"
    return None


def _skip_reason(report: pytest.TestReport) -> str | None:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return None
