"""Hostile and broken submissions: each gets a verdict naming what happened, and the run goes on."""
from __future__ import annotations

import json
import os

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata

CORRECT = "def total(xs):\n    return sum(xs)\n"

# kata id -> (solution, the start of the generated check's message, or None for a pass)
MATRIX = {
    "rigged_eq": (
        "class Anything(int):\n    def __eq__(self, other):\n        return True\n\n"
        "def total(xs):\n    return Anything(0)\n",
        "total(xs=[[]0]) returned a solution.Anything, which is not plain data"),
    "not_data": (
        "class Anything:\n    def __eq__(self, other):\n        return True\n\n"
        "def total(xs):\n    return Anything()\n", "total(xs=[[]0]) returned a solution.Anything, which is not plain"),
    "mutates": ("def total(xs):\n    result = sum(xs)\n    xs.clear()\n    return result\n", None),
    "hard_exit": ("import os\n\ndef total(xs):\n    os._exit(0)\n",
                  "total(xs=*): exited with code 0 before answering"),
    "exit_at_import": ("import sys\nsys.exit(0)\n", "*solution.py raised SystemExit while being loaded:"),
    "interrupt": ("def total(xs):\n    raise KeyboardInterrupt\n",
                  "total(xs=[[]0]) raised an exception:\nTraceback*KeyboardInterrupt"),
    "endless": ("def total(xs):\n    while True:\n        pass\n", "total(xs=*): time limit 0.5 s exceeded"),
    "sleepy_import": ("import time\ntime.sleep(60)\n", "*the worker time limit 2.5 s exceeded while loading it"),
    "memory_bomb": ("def total(xs):\n    hog = bytearray(8 * 1024 ** 3)\n    return sum(xs)\n",
                    "total(xs=*): memory limit 256 MiB exceeded"),
    "deep_recursion": (
        "import sys\nsys.setrecursionlimit(10 ** 8)\n\n"
        "def total(xs, depth=0):\n    return total(xs, depth + 1)\n",
        # 3.11+ keeps Python frames off the C stack: memory or time runs out first.
        "total(xs=*): [tmw]*"),
    "noisy_but_right": (
        "import os, sys\n\ndef total(xs):\n    print('x' * 100000)\n    sys.stderr.write('e' * 10000)\n"
        "    os.write(1, b'raw bytes ' * 1000)\n    return sum(xs)\n", None),
    "patches_the_grader": (
        "import builtins, pytest, hypothesis\nimport pytest_kata.values\n"
        "pytest_kata.values.same = lambda expected, actual: True\n"
        "builtins.sum = lambda values: -1\npytest.fail = lambda *a, **k: None\n\n"
        "def total(xs):\n    return -1\n",
        "total(xs=[[]0]) returned the wrong value."),
    "syntax_error": ("def total(xs)\n    return 0\n", "*solution.py has a syntax error at line 1: *"),
    "no_function": ("def add(xs):\n    return sum(xs)\n", "*solution.py does not define a function named total()"),
    "correct": (CORRECT, None),
}


def test_hostile_matrix(pytester: pytest.Pytester) -> None:
    for kata_id, (solution, _) in MATRIX.items():
        write_kata(pytester.path, kata_id, TOTAL_TOML, reference=TOTAL_REFERENCE, solution=solution)
    pytester.runpytest_subprocess(
        "--kata", "--kata-json", "report.json", "--kata-time-limit", "0.5", "--kata-memory-limit", "256",
        "-n", "2", timeout=240,
    )
    report = json.loads((pytester.path / "report.json").read_text())
    checks = {kata["id"]: kata["checks"][0] for kata in report["katas"]}
    assert set(checks) == set(MATRIX), "every kata gets a verdict, whatever the others did"
    wrong = []
    for kata_id, (_, verdict) in MATRIX.items():
        check = checks[kata_id]
        if verdict is None:
            assert check["status"] == "passed", (kata_id, check["message"])
        else:
            assert check["status"] == "failed", (kata_id, check)
            from fnmatch import fnmatch

            if not fnmatch(check["message"], verdict + "*"):
                wrong.append((kata_id, check["message"][:300]))
    assert not wrong, "\n\n".join(f"{kata}: {message}" for kata, message in wrong)


def test_printed_output_is_shown_with_a_failure_and_truncated(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    print('looking at', xs)\n    print('y' * 50000)\n    return -1\n")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["Your code printed:", "  | looking at [[]*", "*more bytes of output not shown*"])


def test_in_process_mode_still_works(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    pytester.runpytest("--kata", "--kata-in-process").assert_outcomes(passed=1)


def test_no_network_and_no_view_of_the_kata_folders(pytester: pytest.Pytester) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    reference = pytester.path / "katas" / "peeks" / "reference.py"
    write_kata(pytester.path, "peeks", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=(
        f"def total(xs):\n    return len(open({str(reference)!r}).read())\n"))
    write_kata(pytester.path, "calls_home", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=(
        "import socket\n\ndef total(xs):\n    try:\n"
        f"        socket.create_connection(('127.0.0.1', {port}), timeout=0.5).close()\n"
        "    except OSError:\n        return sum(xs)\n    return -1\n"))
    try:
        pytester.runpytest("--kata", "--kata-json", "report.json")
    finally:
        listener.close()
    report = json.loads((pytester.path / "report.json").read_text())
    checks = {kata["id"]: kata["checks"][0] for kata in report["katas"]}
    if report["isolation"] != "process, no network, kata folders hidden" and os.geteuid() != 0:
        pytest.skip(f"without root this machine allows only: {report['isolation']}")
    assert report["isolation"] == "process, no network, kata folders hidden"
    assert checks["calls_home"]["status"] == "passed", checks["calls_home"]["message"]
    assert checks["peeks"]["status"] == "failed"
    assert "FileNotFoundError" in checks["peeks"]["message"]


def submit_total(pytester: pytest.Pytester, source: str) -> None:
    """The total kata, with ``source`` as the solution submitted under submission/."""
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution="")
    submission = pytester.path / "submission" / "total"
    submission.mkdir(parents=True)
    (submission / "solution.py").write_text(source)


def test_graded_code_writes_nowhere_but_its_scratch_folder(pytester: pytest.Pytester, monkeypatch) -> None:
    summary = pytester.path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    target = pytester.path / "planted.py"
    submit_total(pytester,
        "import os\n\n"
        "def total(xs):\n"
        "    if 'GITHUB_STEP_SUMMARY' in os.environ:\n        return -1\n"
        "    try:\n"
        f"        open({str(target)!r}, 'w').write('import os; os._exit(0)')\n"
        "        return -2\n"
        "    except OSError:\n        pass\n"
        "    open('scratch.txt', 'w').write('fine')  # its own working folder stays writable\n"
        "    return sum(xs)\n")
    result = pytester.runpytest("--kata-grade", "--kata-solutions", "submission", "--kata-json", "report.json")
    report = json.loads((pytester.path / "report.json").read_text())
    if report["isolation"] != "process, no network, kata folders hidden, files read-only" and os.geteuid() != 0:
        pytest.skip(f"without root this machine allows only: {report['isolation']}")
    assert result.ret == 0, report["katas"][0]["checks"]
    assert not target.exists()
    assert "-1" not in summary.read_text()


def test_graded_code_can_import_the_standard_library(pytester: pytest.Pytester) -> None:
    # Regression: graded code ran as nobody, who cannot read a Python installed in a
    # private folder (/root/.pyenv), so any module not yet loaded failed to import.
    submit_total(pytester,
        "import fractions, statistics, sqlite3\n\n"
        "def total(xs):\n"
        "    return int(statistics.fsum(fractions.Fraction(x) for x in xs))\n")
    result = pytester.runpytest("--kata-grade", "--kata-solutions", "submission")
    result.assert_outcomes(passed=1)


def test_isolation_is_reported_even_when_a_solution_is_missing(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    write_kata(pytester.path, "absent", TOTAL_TOML, reference=TOTAL_REFERENCE)
    pytester.runpytest("--kata", "--kata-json", "report.json")
    report = json.loads((pytester.path / "report.json").read_text())
    assert report["isolation"].startswith("process")


def test_patched_builtins_do_not_break_the_worker(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=(
        "import builtins\n_sum = sum\nbuiltins.isinstance = lambda *args: False\n"
        "builtins.len = lambda value: 0\n\ndef total(xs):\n    return _sum(xs)\n"))
    pytester.runpytest("--kata").assert_outcomes(passed=1)


def _grade(pytester: pytest.Pytester, solution: str, *options: str) -> dict:
    """Grade one submission of the `total` kata; the JSON report's only check."""
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution="")
    folder = pytester.path / "submission" / "total"
    folder.mkdir(parents=True, exist_ok=True)
    if solution:
        (folder / "solution.py").write_text(solution)
    pytester.runpytest("--kata-grade", "--kata-solutions", "submission", "--kata-json", "report.json", *options)
    report = json.loads((pytester.path / "report.json").read_text())
    return report["katas"][0]["checks"][-1]


FULL = "process, no network, kata folders hidden, files read-only"


@pytest.mark.skipif(os.geteuid() != 0, reason="the full confinement is checked where it is available")
def test_other_processes_and_their_files_are_out_of_sight(pytester: pytest.Pytester, monkeypatch) -> None:
    # Found in review: /proc/<grader>/root led around the hidden folders, and
    # /proc/<grader>/environ to the grader's secrets.
    monkeypatch.setenv("KATA_TEST_SECRET", "hunter2")
    reference = pytester.path / "katas" / "total" / "reference.py"
    check = _grade(pytester, (
        "import os\n\ndef total(xs):\n"
        "    for pid in os.listdir('/proc'):\n"
        "        if not pid.isdigit():\n            continue\n"
        "        try:\n"
        f"            open('/proc/' + pid + '/root' + {str(reference)!r}).read()\n"
        "            return -1\n"
        "        except OSError:\n            pass\n"
        "        try:\n"
        "            if b'hunter2' in open('/proc/' + pid + '/environ', 'rb').read():\n"
        "                return -2\n"
        "        except OSError:\n            pass\n"
        "    return sum(xs)\n"))
    assert check["status"] == "passed", check["message"]


@pytest.mark.skipif(os.geteuid() != 0, reason="the full confinement is checked where it is available")
def test_processes_started_by_the_code_end_with_the_check(pytester: pytest.Pytester) -> None:
    import time

    marker = pytester.path / "daemon-was-here"
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=(
        "import os, time\n\n"
        "if os.fork() == 0:\n    os.setsid()\n    time.sleep(2)\n"
        f"    open({str(marker)!r}, 'w').write('alive')\n    os._exit(0)\n\n"
        "def total(xs):\n    return sum(xs)\n"))
    pytester.runpytest("--kata", "-k", "generated").assert_outcomes(passed=1)
    time.sleep(3)
    assert not marker.exists(), "a process forked by the solution outlived its check"


def test_a_link_to_another_file_is_not_a_submission(pytester: pytest.Pytester) -> None:
    # Found in review: solution.py -> the kata's reference.py passed.
    folder = pytester.path / "submission" / "total"
    folder.mkdir(parents=True)
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution="")
    (folder / "solution.py").symlink_to(pytester.path / "katas" / "total" / "reference.py")
    check = _grade(pytester, "")
    assert check["status"] == "failed"
    assert check["message"].endswith("is a link to another file; submit the file itself")


def test_a_few_prints_reach_the_report(pytester: pytest.Pytester) -> None:
    # Found in review: block-buffered prints were lost when the worker was killed.
    check = _grade(pytester, "def total(xs):\n    print('debug:', xs)\n    return -1\n")
    assert "Your code printed:\n  | debug: [0]" in check["message"]


def test_a_check_has_a_wall_clock_budget(pytester: pytest.Pytester) -> None:
    check = _grade(pytester, "import time\n\ndef total(xs):\n    time.sleep(0.15)\n    return -1\n",
                   "--kata-time-limit", "0.2")
    assert "check time limit 4 s exceeded" in check["message"]


def test_huge_messages_are_capped_and_odd_files_get_a_sentence(pytester: pytest.Pytester) -> None:
    check = _grade(pytester, "def total(xs):\n    raise ValueError('A' * 3_000_000)\n")
    assert len(check["message"]) < 20_000 and "more characters]" in check["message"]
    check = _grade(pytester, "x = " + "+".join(["1"] * 200_000) + "\n\ndef total(xs):\n    return sum(xs)\n")
    assert check["status"] == "failed"
    assert "cannot be compiled" in check["message"] or "syntax error" in check["message"]
    assert "worker.py" not in check["message"]


def test_where_rules_read_the_function_that_function_runs(pytester: pytest.Pytester) -> None:
    (pytester.path / "katas").mkdir()
    toml = TOTAL_TOML + '\n[rules]\nno_packing = true\n'
    write_kata(pytester.path, "total", toml, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return -1\n\ntotal = lambda xs: sum(xs)\n")
    result = pytester.runpytest("--kata", "-k", "generated")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*total must be the function defined there with 'def total(...)', not a function*"])
    # Without rules, a decorated or rebound function is fine.
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="import functools\n\n@functools.lru_cache\ndef total_of(xs):\n    return sum(xs)\n\n"
                        "def total(xs):\n    return total_of(tuple(xs))\n")
    pytester.runpytest("--kata").assert_outcomes(passed=1)
