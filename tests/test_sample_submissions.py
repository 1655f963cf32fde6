"""The sample submissions in examples/submissions/ are graded the way CI grades a student.

Each folder there is one student's submission in the ``--kata-solutions``
layout (``<name>/<kata-id>/solution.py``) with an ``EXPECTED.toml`` saying what
the grader must answer: per kata and per check, a status, and for a check that
does not pass, text its message must contain. Adding a folder adds a case, and
the class grade (--kata-submissions over the whole folder) must agree with each.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_coding_katas  # the samples answer the coding katas only

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the plugin itself depends on tomli there
    import tomli as tomllib

SUBMISSIONS = REPO / "examples" / "submissions"
STATUSES = ("passed", "failed", "error", "skipped")

# kata id -> check name -> (status, substrings its message must contain)
Expected = dict[str, dict[str, tuple[str, list[str]]]]


def submission_folders() -> list[Path]:
    if not SUBMISSIONS.is_dir():
        return []
    return sorted(path for path in SUBMISSIONS.iterdir()
                  if path.is_dir() and not path.name.startswith(".") and path.name != "__pycache__")


def read_expected(folder: Path) -> Expected:
    """The submission's EXPECTED.toml, checked as strictly as the plugin checks kata.toml."""
    path = folder / "EXPECTED.toml"
    if not path.is_file():
        pytest.fail(f"{path} is missing: every submission folder says what the grader must answer")
    where = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        pytest.fail(f"{where} is not valid TOML: {exc}")
    if not data:
        pytest.fail(f"{where} names no kata")
    expected: Expected = {}
    for kata, checks in data.items():
        if not isinstance(checks, dict) or not checks:
            pytest.fail(f"{where}: [{kata}] must be a table with one key per check")
        expected[kata] = {}
        for check, verdict in checks.items():
            key = f"{where}: {kata}.{check}"
            if isinstance(verdict, str):
                status, message = verdict, None
            elif isinstance(verdict, dict):
                unknown = set(verdict) - {"status", "message"}
                if unknown:
                    pytest.fail(f"{key}: unknown keys {sorted(unknown)}; allowed: status, message")
                status, message = verdict.get("status"), verdict.get("message")
            else:
                pytest.fail(f"{key}: expected a status or {{ status = ..., message = ... }}")
            if status not in STATUSES:
                pytest.fail(f"{key}: status {status!r} is not one of {', '.join(STATUSES)}")
            if isinstance(message, str):
                message = [message]
            if status == "passed":
                if message is not None:
                    pytest.fail(f"{key}: a passing check has no message to expect")
                message = []
            elif not (isinstance(message, list) and message
                      and all(isinstance(part, str) and part for part in message)):
                pytest.fail(f"{key}: a {status} check needs `message`, a non-empty string or "
                            f"array of strings its message must contain")
            expected[kata][check] = (status, message)
    return expected


def differences(katas: list[dict], expected: Expected) -> list[str]:
    """How the ``katas`` of a --kata-json report differ from EXPECTED.toml, one line per check."""
    got = {kata["id"]: {check["name"]: check for check in kata["checks"]} for kata in katas}
    if sorted(got) != sorted(expected):
        return [f"EXPECTED.toml names the katas {sorted(expected)}; the grade has {sorted(got)}"]
    wrong = []
    for kata, checks in expected.items():
        if sorted(got[kata]) != sorted(checks):
            wrong.append(f"{kata}: EXPECTED.toml names the checks {sorted(checks)}; "
                         f"the grade has {sorted(got[kata])}")
            continue
        for check, (status, parts) in checks.items():
            found = got[kata][check]
            message = found["message"] or ""
            missing = [part for part in parts if part not in message]
            if found["status"] != status or missing:
                wrong.append(f"{kata}.{check}: expected {status}"
                             + (f" with {missing}" if missing else "")
                             + f", got {found['status']}: {message[:600]}")
    return wrong


@pytest.mark.parametrize("folder", submission_folders(), ids=lambda path: path.name)
def test_submission_gets_its_expected_grade(folder: Path, pytester: pytest.Pytester,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    expected = read_expected(folder)
    copy_coding_katas(pytester.path)
    summary = pytester.path / "summary.md"
    # Never append to the summary of the CI job running these tests.
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    result = pytester.runpytest(
        "--kata-grade", f"--kata-solutions={folder}", "--kata-json", "report.json",
        "--kata-time-limit", "1",
    )

    report = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    wrong = differences(report["katas"], expected)
    assert not wrong, "\n\n".join(wrong)

    all_pass = all(status == "passed" for checks in expected.values() for status, _ in checks.values())
    assert result.ret == (pytest.ExitCode.OK if all_pass else pytest.ExitCode.TESTS_FAILED)
    result.stdout.fnmatch_lines([f"kata grade: * ({'pass' if all_pass else 'fail'}; * needed)"])
    assert "## Kata results" in summary.read_text(encoding="utf-8")


def test_a_class_grade_agrees_with_every_expected_toml(pytester: pytest.Pytester,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """--kata-submissions grades every folder in one run, with the same verdicts."""
    expected = {folder.name: read_expected(folder) for folder in submission_folders()}
    copy_coding_katas(pytester.path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    result = pytester.runpytest(
        "--kata-grade", f"--kata-submissions={SUBMISSIONS}", "--kata-json", "report.json",
        "--kata-time-limit", "1",
    )

    report = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    students = {student["student"]: student["katas"] for student in report["students"]}
    assert sorted(students) == sorted(expected)
    wrong = [f"{name}: {line}" for name, katas in students.items()
             for line in differences(katas, expected[name])]
    assert not wrong, "\n\n".join(wrong)
    everyone_passes = all(status == "passed" for checks_of in expected.values()
                          for checks in checks_of.values() for status, _ in checks.values())
    assert result.ret == (pytest.ExitCode.OK if everyone_passes else pytest.ExitCode.TESTS_FAILED)


def test_there_are_submissions() -> None:
    names = {folder.name for folder in submission_folders()}
    assert {"correct", "wrong", "slow", "hostile", "noisy"} <= names


def test_expected_files_are_read_strictly(tmp_path: Path) -> None:
    def problem(text: str | None) -> str:
        folder = tmp_path / "submission"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        if text is not None:
            (folder / "EXPECTED.toml").write_text(text, encoding="utf-8")
        with pytest.raises(pytest.fail.Exception) as failed:
            read_expected(folder)
        return str(failed.value)

    assert "EXPECTED.toml is missing" in problem(None)
    assert "needs `message`" in problem('[swap]\nrules = "failed"\n')
    assert "needs `message`" in problem('[swap]\nrules = { status = "failed", message = [] }\n')
    assert "is not one of" in problem('[swap]\nrules = "pass"\n')
    assert "no message to expect" in problem('[swap]\nrules = { status = "passed", message = "x" }\n')
    assert "unknown keys ['mesage']" in problem('[swap]\nrules = { status = "failed", mesage = "x" }\n')
    assert "names no kata" in problem("")
    folder = tmp_path / "submission"
    (folder / "EXPECTED.toml").write_text(
        '[swap]\nexamples = "passed"\nrules = { status = "failed", message = "return a, b" }\n')
    assert read_expected(folder) == {"swap": {"examples": ("passed", []),
                                              "rules": ("failed", ["return a, b"])}}
