"""What the checks do with a learner's solution: copies, seeds, errors, verdicts."""
from __future__ import annotations

import pytest

from conftest import TOTAL_TOML, write_kata

LOGGING = '''
def total(xs):
    with open("inputs-{kata}.log", "a") as log:
        log.write(repr(xs) + "\\n")
    return sum(xs)
'''


def test_learner_gets_its_own_copy_of_the_input(pytester, total_kata) -> None:
    # The reference empties its list; the learner must still see every number.
    total_kata("def total(xs):\n    return sum(xs)\n",
               reference="def total(xs):\n    result = sum(xs)\n    xs.clear()\n    return result\n")
    pytester.runpytest("--kata").assert_outcomes(passed=1)


def test_failure_shows_the_input_before_the_learner_mutated_it(pytester, total_kata) -> None:
    total_kata("def total(xs):\n    xs.append(1000)\n    return -1\n")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["total(xs=[0]) returned the wrong value.", "  expected: 0", "  actual:   -1"])
    result.stdout.no_fnmatch_line("*1000*")


def test_same_seed_same_inputs_and_each_kata_its_own_stream(pytester, total_kata) -> None:
    total_kata(LOGGING.format(kata="a"), kata_id="a")
    total_kata(LOGGING.format(kata="b"), kata_id="b")

    def inputs(seed: str) -> tuple[str, str]:
        for name in ("a", "b"):
            (pytester.path / f"inputs-{name}.log").unlink(missing_ok=True)
        pytester.runpytest("--kata-seed", seed).assert_outcomes(passed=2)
        return tuple((pytester.path / f"inputs-{name}.log").read_text() for name in ("a", "b"))

    first_a, first_b = inputs("7")
    again_a, again_b = inputs("7")
    other_a, _ = inputs("8")
    assert (first_a, first_b) == (again_a, again_b)
    assert first_a != first_b, "two katas with the same strategy must not draw the same stream"
    assert first_a != other_a


def test_seed_is_printed_for_replay(pytester, total_kata) -> None:
    total_kata("def total(xs):\n    return 0\n")
    result = pytester.runpytest("--kata-seed", "41")
    result.stdout.fnmatch_lines(["kata: seed 41 (replay with --kata-seed 41)", "*seed 41; replay with --kata-seed 41*"])


def test_learner_exception_shows_only_their_traceback(pytester, total_kata) -> None:
    total_kata('''
        def helper(xs):
            return xs[1]

        def total(xs):
            return helper(xs)
    ''')
    result = pytester.runpytest("--kata")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "total(xs=[0]) raised an exception:",
        "Traceback (most recent call last):",
        '  File "katas/total/solution.py", line 5, in total',
        '  File "katas/total/solution.py", line 2, in helper',
        "IndexError: list index out of range",
        "  expected: 0",
    ])
    output = result.stdout.str()
    assert "pytest_kata" not in output and "site-packages" not in output


@pytest.mark.parametrize("exit_call", ["raise SystemExit(0)", "raise SystemExit('bye')"])
def test_exit_and_interrupt_are_verdicts_and_the_run_goes_on(pytester, total_kata, exit_call) -> None:
    total_kata(f"def total(xs):\n    {exit_call}\n", kata_id="quitter")
    total_kata("def total(xs):\n    return sum(xs)\n", kata_id="fine")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["total(xs=[0]) raised an exception:"])


def test_syntax_error_names_the_line(pytester, total_kata) -> None:
    total_kata("def total(xs)\n    return sum(xs)\n")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["katas/total/solution.py has a syntax error at line 1: *"])


def test_missing_function_is_named(pytester, total_kata) -> None:
    total_kata("def totl(xs):\n    return sum(xs)\n")
    result = pytester.runpytest("--kata")
    result.stdout.fnmatch_lines(["katas/total/solution.py does not define a function named total()"])


def test_state_kept_between_calls_is_caught(pytester, total_kata) -> None:
    total_kata("calls = []\n\ndef total(xs):\n    calls.append(1)\n    return sum(xs) + (len(calls) % 5 == 0)\n")
    result = pytester.runpytest("--kata")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["total() gave different results for the same input such as total(xs=*)*"])


def test_wrong_type_is_wrong(pytester, total_kata) -> None:
    total_kata("def total(xs):\n    return float(sum(xs))\n")
    result = pytester.runpytest("--kata")
    result.stdout.fnmatch_lines(["  expected: 0", "  actual:   0.0"])


def test_examples_report_the_first_failure_and_the_count(pytester) -> None:
    toml = TOTAL_TOML + '''
[[examples]]
args = [[1, 2]]
expected = 3

[[examples]]
args = [[5]]
expected = 5
'''
    write_kata(pytester.path, "total", toml, reference="def total(xs):\n    return sum(xs)\n",
               solution="def total(xs):\n    return 4\n")
    result = pytester.runpytest("--kata", "-k", "examples")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "example 1: total(xs=[1, 2]) returned the wrong value.",
        "  expected: 3",
        "  actual:   4",
        "(1 more of the 2 examples fail too)",
    ])


def test_examples_accept_a_tuple_where_toml_wrote_an_array(pytester) -> None:
    toml = '''
title = "Pair"
function = "pair"
statement = "Return the two numbers as a tuple."
examples = [{ args = [1, 2], expected = [1, 2] }]

[generated.arguments]
a = { strategy = "integers" }
b = { strategy = "integers" }
'''
    write_kata(pytester.path, "pair", toml, reference="def pair(a, b):\n    return a, b\n",
               solution="def pair(a, b):\n    return a, b\n")
    pytester.runpytest("--kata").assert_outcomes(passed=2)


def test_solutions_folder_replaces_the_kata_folder(pytester, total_kata) -> None:
    total_kata("def total(xs):\n    return 0\n")
    total_kata("def total(xs):\n    return 0\n", kata_id="other")
    submitted = pytester.path / "submission" / "total"
    submitted.mkdir(parents=True)
    (submitted / "solution.py").write_text("def total(xs):\n    return sum(xs)\n")
    result = pytester.runpytest("--kata", "--kata-solutions", "submission", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*katas/total::generated PASSED*", "no solution submitted for other *"])


def test_huge_numbers_are_shown_not_crashed_on(pytester, total_kata) -> None:
    total_kata("def total(xs):\n    return 10 ** 5000\n")
    result = pytester.runpytest("--kata")
    result.stdout.fnmatch_lines(["  actual:   <an int of about 500? digits>"])
    result.stdout.no_fnmatch_line("*bug in pytest-kata*")


def test_xdist_workers_share_the_seed(pytester, total_kata) -> None:
    for name in ("one", "two", "three"):
        total_kata("def total(xs):\n    return 0\n", kata_id=name)
    result = pytester.runpytest("--kata", "-n", "2")
    seed = next(line for line in result.stdout.lines if line.startswith("kata: seed ")).split()[2]
    # Each failure section names the seed once; pytest repeats the whole message in its short
    # summary when it sees a CI environment variable, so count sections, not lines.
    sections = result.stdout.str().split("short test summary info")[0]
    replays = [line for line in sections.splitlines() if "replay with --kata-seed" in line and "tries" in line]
    assert len(replays) == 3 and all(f"(seed {seed};" in line for line in replays), (seed, replays)


def test_solution_with_dataclasses_and_a_byte_order_mark(pytester, total_kata) -> None:
    folder = total_kata("")
    (folder / "solution.py").write_bytes("""\ufefffrom __future__ import annotations
from dataclasses import dataclass


@dataclass
class Sum:
    value: int = 0


def total(xs):
    result = Sum()
    for x in xs:
        result.value += x
    return result.value
""".encode("utf-8"))
    pytester.runpytest("--kata").assert_outcomes(passed=1)
