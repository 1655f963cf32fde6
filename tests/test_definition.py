"""Broken kata.toml files: one clear message naming file and key; the other katas still run."""
from __future__ import annotations

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata

CORRECT = "def total(xs):\n    return sum(xs)\n"

BROKEN = {
    "toml syntax": (
        'title = "Total\n',
        "katas/broken/kata.toml: not valid TOML: *line 1*"),
    "missing title": (
        TOTAL_TOML.replace('title = "Total"\n', ""),
        "katas/broken/kata.toml: missing required key 'title' (a non-empty string)"),
    "mistyped round": (
        TOTAL_TOML.replace("round = 1", 'round = "one"'),
        "katas/broken/kata.toml: key 'round': expected a round number (an integer from 1), got the string 'one'"),
    "unknown key": (
        TOTAL_TOML.replace('title = "Total"', 'title = "Total"\ntitel = "Oops"'),
        "katas/broken/kata.toml: unknown key 'titel' (did you mean 'title'?); allowed here: *"),
    "unknown nested key": (
        TOTAL_TOML + "\n[rules]\nno_packin = true\n",
        "katas/broken/kata.toml: unknown key 'rules.no_packin' (did you mean 'rules.no_packing'?)*"),
    "reference file absent": (
        TOTAL_TOML.replace('function = "total"', 'function = "total"\nreference = "ref.py"'),
        "katas/broken/kata.toml: key 'reference': the file 'ref.py' does not exist*"),
    "no strategy": (
        TOTAL_TOML.split("[generated.arguments]")[0],
        "katas/broken/kata.toml: table 'generated' needs exactly one of *"),
    "unknown strategy": (
        TOTAL_TOML.replace('strategy = "lists"', 'strategy = "listz"'),
        "katas/broken/kata.toml: generated.arguments.xs: unknown strategy 'listz'*"),
    "strategy name not a string": (
        TOTAL_TOML.replace('strategy = "lists"', 'strategy = ["lists"]'),
        "katas/broken/kata.toml: generated.arguments.xs: unknown strategy ['lists']*"),
    "bad strategy argument": (
        TOTAL_TOML.replace("min_size = 1", "min_size = -1"),
        "katas/broken/kata.toml: generated.arguments.xs: lists() does not accept these arguments: *"),
    "parameters differ": (
        TOTAL_TOML.replace("xs = {", "numbers = {"),
        "katas/broken/kata.toml: 'generated.arguments' declares ['numbers'], but the reference's total() takes ['xs']*"),
    "bad example": (
        TOTAL_TOML + "\n[[examples]]\nargs = [[1]]\n",
        "katas/broken/kata.toml: missing required key 'examples[0].expected' (the expected return value)"),
}


def literal_brackets(pattern: str) -> str:
    """fnmatch reads '[' as a character class; these messages mean it literally."""
    return pattern.replace("[", "[[]")


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_kata_is_one_clear_error_and_others_run(pytester: pytest.Pytester, case: str) -> None:
    toml, message = BROKEN[case]
    write_kata(pytester.path, "broken", toml, reference=TOTAL_REFERENCE, solution=CORRECT)
    write_kata(pytester.path, "fine", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    result = pytester.runpytest("--kata", "-rA")
    result.stdout.fnmatch_lines([literal_brackets(message)])
    outcomes = result.parseoutcomes()
    assert outcomes["passed"] == 1, "the good kata must still run"
    assert outcomes.get("errors", 0) + outcomes.get("failed", 0) == 1
    output = result.stdout.str()
    assert "Traceback" not in output and "pytest_kata" not in output


def test_definition_errors_are_errors_not_failures(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "broken", 'title = 3\n', reference=TOTAL_REFERENCE, solution=CORRECT)
    result = pytester.runpytest("--kata")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*key 'title': expected a non-empty string, got the integer 3*"])


def test_reference_that_rejects_a_generated_input_blames_the_kata(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", TOTAL_TOML, reference="def total(xs):\n    return 1 // (len(xs) - 1)\n",
               solution=CORRECT)
    result = pytester.runpytest("--kata")
    result.stdout.fnmatch_lines([literal_brackets(
        "kata 'total': the reference raised ZeroDivisionError: * on total(xs=[0]); the kata's "
        "strategies or reference need fixing*")])


def test_strategies_file_must_define_arguments(pytester: pytest.Pytester) -> None:
    toml = TOTAL_TOML.split("[generated.arguments]")[0] + '[generated]\nstrategy = "strategies.py"\n'
    write_kata(pytester.path, "total", toml, reference=TOTAL_REFERENCE, solution=CORRECT,
               strategies="from hypothesis import strategies as st\nargs = st.tuples(st.integers())\n")
    result = pytester.runpytest("--kata")
    result.stdout.fnmatch_lines(["*strategies.py: must define 'arguments', a Hypothesis strategy*"])


def test_kata_toml_that_is_not_utf8_is_one_error(pytester: pytest.Pytester) -> None:
    folder = write_kata(pytester.path, "latin", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    (folder / "kata.toml").write_bytes('title = "Caf\u00e9"\n'.encode("latin-1"))
    write_kata(pytester.path, "fine", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    result = pytester.runpytest("--kata")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["katas/latin/kata.toml: not UTF-8 text; save it as UTF-8"])
