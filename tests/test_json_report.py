"""--kata-json: the machine-readable report."""
from __future__ import annotations

import json

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata


def test_report_of_the_shipped_stubs_and_solutions(shipped: pytest.Pytester) -> None:
    shipped.runpytest("--kata", "--kata-json", "out/report.json", "--kata-seed", "5")
    report = json.loads((shipped.path / "out/report.json").read_text())
    assert report["version"] == 1 and report["seed"] == 5
    assert [kata["id"] for kata in report["katas"]] == ["count_even_odd", "swap"]
    swap = report["katas"][1]
    assert swap["title"] == "Swap Two Numbers" and swap["round"] == 2 and swap["kind"] == "code"
    assert swap["status"] == "failed"
    assert [check["name"] for check in swap["checks"]] == ["examples", "generated", "rules"]
    assert all(check["status"] == "failed" for check in swap["checks"])
    assert swap["checks"][0]["cases"] == 3
    assert "returned the wrong value" in swap["checks"][1]["message"]

    shipped.runpytest("--kata", "--kata-json", "out/report.json", "--kata-solutions", "solutions")
    report = json.loads((shipped.path / "out/report.json").read_text())
    assert {kata["status"] for kata in report["katas"]} == {"passed"}
    generated = report["katas"][0]["checks"][1]
    assert generated == {"name": "generated", "status": "passed", "cases": 100, "message": None,
                         "score": 0.6667, "max_score": 0.6667}
    assert (report["score"], report["max_score"]) == (2, 2)
    assert not list((shipped.path / "out").glob(".*.tmp")), "no temporary file left behind"


def test_report_counts_errors_skips_and_xdist_workers(pytester: pytest.Pytester) -> None:
    correct = "def total(xs):\n    return sum(xs)\n"
    write_kata(pytester.path, "broken", "title = 3\n", reference=TOTAL_REFERENCE, solution=correct)
    for name in ("one", "two", "three"):
        write_kata(pytester.path, name, TOTAL_TOML, reference=TOTAL_REFERENCE, solution=correct)
    write_kata(pytester.path, "bad_reference", TOTAL_TOML, reference="def total(xs):\n    return 1 // 0\n",
               solution=correct)
    pytester.runpytest("--kata", "-n", "2", "--kata-json", "report.json")
    report = json.loads((pytester.path / "report.json").read_text())
    statuses = {kata["id"]: kata["status"] for kata in report["katas"]}
    assert statuses == {"broken": "error", "bad_reference": "error", "one": "passed", "two": "passed",
                        "three": "passed"}
    broken = next(kata for kata in report["katas"] if kata["id"] == "broken")
    assert broken["checks"][0]["message"] == (
        "katas/broken/kata.toml: key 'title': expected a non-empty string, got the integer 3")
    bad = next(kata for kata in report["katas"] if kata["id"] == "bad_reference")
    assert bad["checks"][0]["message"].startswith("kata 'bad_reference': the reference raised")


def test_report_under_xdist_has_the_run_seed_and_plain_messages(pytester: pytest.Pytester) -> None:
    for name in ("one", "two", "three"):
        write_kata(pytester.path, name, TOTAL_TOML, reference=TOTAL_REFERENCE,
                   solution="def total(xs):\n    return -1\n")
    result = pytester.runpytest("--kata", "-n", "2", "--kata-json", "report.json")
    seed = int(next(line for line in result.stdout.lines if line.startswith("kata: seed ")).split()[2])
    report = json.loads((pytester.path / "report.json").read_text())
    assert report["seed"] == seed
    messages = [kata["checks"][0]["message"] for kata in report["katas"]]
    assert len(messages) == 3
    assert all(message.startswith("total(xs=[0]) returned the wrong value.") for message in messages)
    assert all(f"(seed {seed};" in message for message in messages)


def test_scores_follow_weights(pytester: pytest.Pytester) -> None:
    correct = "def total(xs):\n    return sum(xs)\n"
    heavy = TOTAL_TOML.replace('title = "Total"', 'title = "Total"\nweight = 3')
    heavy += '\n[[examples]]\nargs = [[1, 2]]\nexpected = 3\n'
    heavy = heavy.replace('title = "Total"', 'title = "Total"\ncheck_weights = { examples = 1, generated = 5 }')
    write_kata(pytester.path, "heavy", heavy, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return 3 if xs == [1, 2] else -1\n")
    write_kata(pytester.path, "light", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=correct)
    pytester.runpytest("--kata", "--kata-json", "report.json")
    report = json.loads((pytester.path / "report.json").read_text())
    heavy_kata = next(kata for kata in report["katas"] if kata["id"] == "heavy")
    assert [(c["name"], c["score"], c["max_score"]) for c in heavy_kata["checks"]] == [
        ("examples", 0.5, 0.5), ("generated", 0, 2.5)]
    assert (heavy_kata["score"], heavy_kata["max_score"]) == (0.5, 3)
    assert (report["score"], report["max_score"]) == (1.5, 4)
    assert report["rounds"] == [
        {"round": 1, "title": "Round 1", "solved": 1, "total": 2, "score": 1.5, "max_score": 4}]


def test_unknown_check_weight_is_a_definition_error(pytester: pytest.Pytester) -> None:
    toml = TOTAL_TOML.replace('title = "Total"', 'title = "Total"\ncheck_weights = { generatd = 2 }')
    write_kata(pytester.path, "total", toml, reference=TOTAL_REFERENCE, solution="def total(xs):\n    return 0\n")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown key 'check_weights.generatd' (did you mean 'check_weights.generated'?)*"])
