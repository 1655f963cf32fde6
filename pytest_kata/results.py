"""The results of a kata run, gathered from test reports.

Reports reach the controller from every xdist worker, so whatever is built on
these results (the JSON report, the progress report) counts every check once.
"""
from __future__ import annotations

from typing import Any

import pytest

STATUS_ORDER = ("error", "failed", "passed", "skipped")


class RunResults:
    """A plugin, registered only on the process that reports (never an xdist worker)."""

    def __init__(self) -> None:
        self.checks: dict[tuple[str, str], dict[str, Any]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        fields = getattr(report, "kata_report_fields", None)
        if fields is None:
            return
        entry = self.checks.setdefault(
            (fields.get("student"), fields["kata"], fields["check"]),
            {"fields": fields, "status": None, "message": None},
        )
        entry["fields"] = fields  # the call phase knows how many cases ran
        status = _phase_status(report)
        if status == "failed" and fields["broken"]:
            status = "error"
        if status is None:
            return
        if entry["status"] is None or STATUS_ORDER.index(status) < STATUS_ORDER.index(entry["status"]):
            entry["status"] = status
            if status in ("error", "failed"):
                # Our own sentence when there is one: under xdist longreprtext starts
                # with a "[gw0] linux -- Python ..." line.
                entry["message"] = fields.get("message") or report.longreprtext
            elif status == "skipped":
                entry["message"] = _skip_reason(report)

    def of_kata(self, kata_id: str, student: str | None = None) -> list[dict[str, Any]]:
        """The kata's checks that ran (for one student, under --kata-submissions), in order."""
        found = [entry for (who, kata, _), entry in self.checks.items() if kata == kata_id and who == student]
        return sorted(found, key=lambda entry: entry["fields"]["position"])


def kata_status(statuses: list[str]) -> str:
    for worst in STATUS_ORDER[:2]:
        if worst in statuses:
            return worst
    return "passed" if "passed" in statuses else "skipped"


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
