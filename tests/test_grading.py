"""Grade mode and the reports CI systems read."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest


def test_grade_of_the_stubs_fails_and_writes_every_report(shipped: pytest.Pytester, monkeypatch) -> None:
    summary = shipped.path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = shipped.runpytest(
        "--kata-grade", "-x", "--kata-json", "out/report.json", "--kata-exercism", "out/exercism/results.json",
        "--kata-gradescope", "out/gradescope/results.json", "--junitxml", "out/junit.xml",
    )
    assert result.ret == 1
    result.assert_outcomes(failed=5)  # -x does not stop a grade
    result.stdout.fnmatch_lines(["kata: seed 0 *", "kata grade: 0 / 2 points (fail; 2 needed)"])
    assert not (shipped.path / ".kata-progress.json").exists(), "a grade writes no progress"

    report = json.loads((shipped.path / "out/report.json").read_text())
    assert report["seed"] == 0 and report["isolation"].startswith("process")
    exercism = json.loads((shipped.path / "out/exercism/results.json").read_text())
    assert exercism["version"] == 3 and exercism["status"] == "fail" and len(exercism["tests"]) == 5
    assert {test["task_id"] for test in exercism["tests"]} == {1, 2}
    gradescope = json.loads((shipped.path / "out/gradescope/results.json").read_text())
    assert gradescope["score"] == 0 and len(gradescope["tests"]) == 5
    assert {test["status"] for test in gradescope["tests"]} == {"failed"}
    markdown = summary.read_text()
    assert "### Round 1: Online coding interview" in markdown and "| Swap Two Numbers |" in markdown

    testcases = ElementTree.parse(shipped.path / "out/junit.xml").getroot().iter("testcase")
    properties = [{p.get("name"): p.get("value") for p in case.iter("property")} for case in testcases]
    assert {"kata": "swap", "round": "2", "score": "0", "max_score": "0.25"} in properties


def test_grade_pass_score(shipped: pytest.Pytester) -> None:
    (shipped.path / "katas/swap/solution.py").write_text(
        (shipped.path / "solutions/swap/solution.py").read_text())
    assert shipped.runpytest("--kata-grade").ret == 1
    result = shipped.runpytest("--kata-grade", "--kata-pass-score", "0.5")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["kata grade: 1 / 2 points (pass; 1 needed)"])
    result = shipped.runpytest("--kata-grade", "--kata-solutions", "solutions")
    assert result.ret == 0


def test_pass_score_must_be_a_fraction(shipped: pytest.Pytester) -> None:
    result = shipped.runpytest("--kata-grade", "--kata-pass-score", "2")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*'2' is not a fraction from 0 to 1*"])


def test_batch_grading_of_a_class(shipped: pytest.Pytester) -> None:
    import csv
    import shutil

    class_folder = shipped.path / "class"
    shutil.copytree(shipped.path / "solutions", class_folder / "alice")
    (class_folder / "bob" / "swap").mkdir(parents=True)
    (class_folder / "bob" / "swap" / "solution.py").write_text("def swap(a, b):\n    return b, a\n")
    (class_folder / "carol").mkdir()
    result = shipped.runpytest("--kata-grade", "--kata-submissions", "class", "-n", "2",
                               "--kata-json", "class.json", "--kata-csv", "out/class.csv")
    assert result.ret == 1, "not every student passes"
    result.assert_outcomes(passed=5 + 2, failed=15 - 7)
    result.stdout.fnmatch_lines(["kata grade alice: 2 / 2 points (pass; 2 needed)",
                                 "kata grade bob: 0.75 / 2 points (fail; 2 needed)",
                                 "kata grade carol: 0 / 2 points (fail; 2 needed)"])
    rows = list(csv.reader((shipped.path / "out/class.csv").read_text().splitlines()))
    assert rows == [["student", "round 1", "round 2", "round 3", "total", "max"],
                    ["alice", "1", "1", "0", "2", "2"],
                    ["bob", "0", "0.75", "0", "0.75", "2"],
                    ["carol", "0", "0", "0", "0", "2"]]
    document = json.loads((shipped.path / "class.json").read_text())
    assert [student["student"] for student in document["students"]] == ["alice", "bob", "carol"]
    carol = document["students"][2]
    assert all(check["message"].startswith("no solution submitted for")
               for kata in carol["katas"] for check in kata["checks"])
    assert not (shipped.path / ".kata-progress.json").exists()


def test_one_submission_formats_refuse_a_class(shipped: pytest.Pytester) -> None:
    (shipped.path / "class" / "alice").mkdir(parents=True)
    result = shipped.runpytest("--kata-grade", "--kata-submissions", "class", "--kata-exercism", "r.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--kata-exercism describes one submission*"])


def test_exercism_output_is_what_the_code_printed(shipped: pytest.Pytester) -> None:
    (shipped.path / "katas/swap/solution.py").write_text(
        "def swap(a, b):\n    print('swapping', a, b)\n    return a, b\n")
    shipped.runpytest("--kata-grade", "-k", "swap", "--kata-exercism", "results.json")
    tests = json.loads((shipped.path / "results.json").read_text())["tests"]
    generated = next(test for test in tests if test["name"] == "Swap Two Numbers / generated")
    assert generated["output"].startswith("swapping ") and len(generated["output"]) <= 500
