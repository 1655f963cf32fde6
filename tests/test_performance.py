"""The performance check: the learner's time on large inputs against the reference's, in one run."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, TOTAL_REFERENCE, copy_coding_katas, write_kata

TIMED_TOML = '''
title = "Total"
round = 1
function = "total"
statement = "Add up the numbers."

[generated.arguments]
xs = { strategy = "lists", elements = { strategy = "integers", min_value = 0, max_value = 9 }, max_size = 3 }

[performance]
inputs = "performance.py"
factor = 3
floor = 0.2
repeats = 3
expects = "O(N)"
'''

TIMED_INPUTS = '''
def arguments(rng):
    return ([rng.randrange(10) for _ in range(20_000)],)
'''


def timed_kata(pytester: pytest.Pytester, solution: str) -> None:
    folder = write_kata(pytester.path, "total", TIMED_TOML, reference=TOTAL_REFERENCE, solution=solution)
    (folder / "performance.py").write_text(TIMED_INPUTS)


def performance_check(pytester: pytest.Pytester, *options: str) -> dict:
    pytester.runpytest("--kata", "-k", "performance", "--kata-json=report.json", "-p", "no:cacheprovider",
                       *options)
    report = json.loads((pytester.path / "report.json").read_text())
    return next(check for kata in report["katas"] for check in kata["checks"] if check["name"] == "performance")


def test_fenwick_passes_and_the_naive_scan_is_stopped(pytester: pytest.Pytester) -> None:
    copy_coding_katas(pytester.path)
    for name, source in (("fenwick", REPO / "examples/solutions/count_even_odd/solution.py"),
                         ("naive", REPO / "katas/count_even_odd/bad/naive_scan.py")):
        (pytester.path / name / "count_even_odd").mkdir(parents=True)
        shutil.copy(source, pytester.path / name / "count_even_odd" / "solution.py")

    passed = performance_check(pytester, "--kata-solutions=fenwick")
    assert passed["status"] == "passed", passed
    assert "against the reference's" in passed["message"] and "allowed 4x + 0.25 s" in passed["message"]

    failed = performance_check(pytester, "--kata-solutions=naive")
    assert failed["status"] == "failed"
    assert failed["message"].startswith("too slow on the large input (arr: 100,000 items, queries: 100,000 items)")
    assert "over 4 x the reference's" in failed["message"] and "The kata expects O(log N)" in failed["message"]


def test_a_quadratic_total_is_stopped_at_the_limit(pytester: pytest.Pytester) -> None:
    timed_kata(pytester, "def total(xs):\n    return sum(sum(xs[:i + 1]) - sum(xs[:i]) for i in range(len(xs)))\n")
    check = performance_check(pytester)
    assert check["status"] == "failed" and check["message"].startswith("too slow on the large input (xs: 20,000 items)")
    assert check["cases"] == 1  # stopped at the first timed run


def test_a_wrong_answer_on_the_large_input_fails(pytester: pytest.Pytester) -> None:
    timed_kata(pytester, "def total(xs):\n    return sum(xs) if len(xs) < 1000 else 0\n")
    check = performance_check(pytester)
    assert check["status"] == "failed"
    assert "wrong answer on the large input (xs: 20,000 items, seed " in check["message"]


def test_every_timed_run_gets_a_fresh_copy_of_the_input(pytester: pytest.Pytester) -> None:
    # Mutating the input must not change what the next timed run receives.
    timed_kata(pytester, "def total(xs):\n    result = sum(xs)\n    xs.append(10**6)\n    return result\n")
    assert performance_check(pytester)["status"] == "passed"


def test_in_process_the_performance_check_is_skipped(pytester: pytest.Pytester) -> None:
    timed_kata(pytester, "def total(xs):\n    return sum(xs)\n")
    check = performance_check(pytester, "--kata-in-process")
    assert check["status"] == "skipped" and "without --kata-in-process" in check["message"]


@pytest.mark.parametrize(("line", "complaint"), [
    ("factor = 1", "key 'performance.factor': expected a number above 1"),
    ("repeats = 0", "key 'performance.repeats': expected an integer from 1 to 9"),
    ("inputs = \"missing.py\"", "key 'performance.inputs': the file 'missing.py' does not exist"),
])
def test_a_wrong_performance_table_names_its_key(pytester: pytest.Pytester, line: str, complaint: str) -> None:
    key = line.split(" =")[0]
    toml = "\n".join(line if row.startswith(key + " =") else row for row in TIMED_TOML.splitlines())
    folder = write_kata(pytester.path, "total", toml, reference=TOTAL_REFERENCE, solution="")
    (folder / "performance.py").write_text(TIMED_INPUTS)
    result = pytester.runpytest("--kata")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*katas/total/kata.toml: {complaint}*"])


def test_a_worker_that_stops_itself_cannot_hang_the_grader(pytester: pytest.Pytester) -> None:
    # Regression: the large input was written with blocking writes, so a worker that
    # stopped reading (SIGSTOP from a thread of its own) hung the run for ever.
    timed_kata(pytester, "import os, signal, threading, time\n\n"
                         "def stop():\n    time.sleep(0.05)\n    os.kill(os.getpid(), signal.SIGSTOP)\n\n"
                         "threading.Thread(target=stop, daemon=True).start()\n\n"
                         "def total(xs):\n    return sum(xs)\n")
    (pytester.path / "katas/total/performance.py").write_text(
        "def arguments(rng):\n    return ([rng.randrange(10) for _ in range(400_000)],)\n")
    check = performance_check(pytester, "--kata-time-limit=0.5")
    assert check["status"] == "failed", check  # and the run ended


def test_the_large_input_is_not_the_runs_seed(pytester: pytest.Pytester) -> None:
    # A submission that knows the grading seed must not be able to rebuild the input.
    timed_kata(pytester, "def total(xs):\n    return sum(xs) if len(xs) < 1000 else 0\n")
    first = performance_check(pytester, "--kata-seed=0")["message"]
    second = performance_check(pytester, "--kata-seed=0")["message"]
    seed = lambda message: message.split("seed ")[1].split(")")[0]  # noqa: E731
    assert seed(first) != seed(second)


def test_work_done_while_loading_is_charged_to_the_first_run(pytester: pytest.Pytester) -> None:
    # A submission could find the input in memory as it loads and solve it there, off the clock.
    timed_kata(pytester, "import time\ntime.sleep(1.5)  # stands for work done at import\n\n"
                         "def total(xs):\n    return sum(xs)\n")
    check = performance_check(pytester)
    assert check["status"] == "failed" and check["message"].startswith("too slow on the large input"), check
