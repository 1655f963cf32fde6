"""Extension hooks (pytest_kata_*) and the built-in comparisons they fall back on."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, TOTAL_REFERENCE, TOTAL_TOML, write_kata

EXTENDING = REPO / "examples" / "extending"
EXTENDING_SOLUTIONS = REPO / "examples" / "extending-solutions"


def test_the_example_plugin_changes_the_comparison(pytester: pytest.Pytester, monkeypatch) -> None:
    board = pytester.path / "board.tsv"
    monkeypatch.setenv("KATA_SCOREBOARD", str(board))
    shutil.copytree(EXTENDING, pytester.path / "extending")
    result = pytester.runpytest("--kata", "--kata-path=extending", f"--kata-solutions={EXTENDING_SOLUTIONS}",
                                "-p", "no:cacheprovider", "--kata-json=report.json")
    result.assert_outcomes(passed=2)
    assert board.read_text() == "greet\tpassed\t1/1\n"  # the plugin's sink
    assert json.loads((pytester.path / "report.json").read_text())["score"] == 1  # and the built-in one

    # The same kata without the plugin: the shouted greeting is wrong.
    (pytester.path / "extending" / "conftest.py").unlink()
    result = pytester.runpytest("--kata", "--kata-path=extending", f"--kata-solutions={EXTENDING_SOLUTIONS}",
                                "-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)


def test_a_conftest_strategy_takes_over_and_none_falls_back(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return 0 if xs == [7, 7, 7] else sum(xs)\n")
    write_kata(pytester.path, "other", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return sum(xs)\n")
    pytester.makeconftest('''
        from hypothesis import strategies as st

        def pytest_kata_strategy(kata, parameters, label):
            assert parameters == ["xs"]
            return st.just(([7, 7, 7],)) if kata.id == "total" else None

        def pytest_kata_compare(kata, expected, actual):
            return None  # always the built-in comparison
    ''')
    result = pytester.runpytest("--kata", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["total(xs=[[]7, 7, 7]) returned the wrong value."])


FLOAT_TOML = '''
title = "Mean"
function = "mean"
statement = "The mean of the numbers."
compare = "{compare}"
{extra}

[[examples]]
args = [[0.1, 0.2]]
expected = 0.15

[generated.arguments]
xs = {{ strategy = "lists", elements = {{ strategy = "floats", min_value = -1000, max_value = 1000 }}, min_size = 1 }}
'''


@pytest.mark.parametrize(("compare", "extra", "outcome"), [
    ("exact", "", {"failed": 2}),
    ("float", "", {"passed": 2}),
    ("float", "tolerance = 1e-20", {"failed": 2}),
])
def test_float_comparison_within_a_tolerance(pytester: pytest.Pytester, compare, extra, outcome) -> None:
    write_kata(pytester.path, "mean", FLOAT_TOML.format(compare=compare, extra=extra),
               reference="import math\n\ndef mean(xs):\n    return math.fsum(xs) / len(xs)\n",
               solution="def mean(xs):\n    return sum(reversed(xs)) / len(xs) * (1 + 1e-13)\n")
    pytester.runpytest("--kata", "-p", "no:cacheprovider").assert_outcomes(**outcome)


def test_unordered_comparison_accepts_any_order_but_not_other_items(pytester: pytest.Pytester) -> None:
    toml = TOTAL_TOML.replace('function = "total"', 'function = "pairs"\ncompare = "unordered"')
    reference = "def pairs(xs):\n    return [(x, i) for i, x in enumerate(xs)]\n"
    write_kata(pytester.path, "pairs", toml, reference=reference,
               solution="def pairs(xs):\n    return [(x, i) for i, x in reversed(list(enumerate(xs)))]\n")
    write_kata(pytester.path, "pairs_wrong", toml, reference=reference,
               solution="def pairs(xs):\n    return [(x, 0) for x in xs]\n")
    result = pytester.runpytest("--kata", "-p", "no:cacheprovider", "-rf")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED katas/pairs_wrong::generated*"])


def test_a_tolerance_needs_float_comparison(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML.replace('function = "total"', 'function = "total"\ntolerance = 0.1'),
               reference=TOTAL_REFERENCE, solution="")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*key 'tolerance': only compare = \"float\" uses a tolerance*"])


@pytest.mark.parametrize(("hook", "complaint"), [
    ("def pytest_kata_compare(kata, expected, actual):\n    return 'no'\n",
     "a pytest_kata_compare hook returned 'no'; it must return True, False or None"),
    ("def pytest_kata_compare(kata, expected, actual):\n    raise ValueError('oops')\n",
     "a pytest_kata_compare hook raised ValueError: oops"),
    ("def pytest_kata_strategy(kata, parameters, label):\n    raise ValueError('oops')\n",
     "a pytest_kata_strategy hook raised ValueError: oops"),
])
def test_a_broken_hook_is_the_katas_error_not_the_learners(pytester: pytest.Pytester, hook, complaint) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return sum(xs)\n")
    pytester.makeconftest(hook)
    result = pytester.runpytest("--kata", "-p", "no:cacheprovider", "--kata-json=report.json")
    result.stdout.fnmatch_lines([f"*{complaint}*"])
    check = json.loads((pytester.path / "report.json").read_text())["katas"][0]["checks"][0]
    assert check["status"] == "error"  # the kata's (its plugin's) problem, not the learner's
    assert "bug in pytest-kata" not in result.stdout.str()


def test_a_sink_that_raises_costs_no_report(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return sum(xs)\n")
    pytester.makeconftest("def pytest_kata_report(config, document):\n    raise OSError('disk full')\n")
    result = pytester.runpytest("--kata-grade", "--kata-json=report.json", "-p", "no:cacheprovider")
    assert result.ret == 0
    assert json.loads((pytester.path / "report.json").read_text())["score"] == 1
    result.stdout.fnmatch_lines(["kata: a pytest_kata_report hook raised OSError: disk full; the built-in *"])
