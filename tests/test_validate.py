"""``pytest --kata-validate``: references pass, stubs fail, bad/ solutions get their verdicts."""
from __future__ import annotations

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata

TOTAL_WITH_EXAMPLE = TOTAL_TOML.replace('statement = "Add up the numbers."', '''statement = "Add up the numbers."

[[examples]]
args = [[1, 2]]
expected = 3
''')


def total_kata(pytester: pytest.Pytester, reference: str = TOTAL_REFERENCE, bad: dict[str, str] | None = None) -> None:
    folder = write_kata(pytester.path, "total", TOTAL_WITH_EXAMPLE, reference=reference,
                        solution="def total(xs):\n    return 0\n")
    for name, source in (bad or {}).items():
        (folder / "bad").mkdir(exist_ok=True)
        (folder / "bad" / name).write_text(source)


def validate(pytester: pytest.Pytester, *options: str) -> pytest.RunResult:
    return pytester.runpytest("--kata-validate", "-p", "no:cacheprovider", "-rf", *options)


def test_a_sound_kata_validates(pytester: pytest.Pytester) -> None:
    total_kata(pytester, bad={"empty.py": "# expect: examples, generated fails\ndef total(xs):\n    return 0\n"})
    result = validate(pytester, "-v")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*katas/total::validate?reference? PASSED*", "*validate?stub? PASSED*",
                                 "*validate?bad/empty.py? PASSED*"])


def test_a_wrong_reference_fails_naming_the_kata(pytester: pytest.Pytester) -> None:
    total_kata(pytester, reference="def total(xs):\n    return sum(xs) + 1\n")
    result = validate(pytester)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["total: the reference solution should pass examples, but it failed: *"])


def test_a_bad_solution_with_the_wrong_verdict_fails(pytester: pytest.Pytester) -> None:
    total_kata(pytester, bad={"lucky.py": "# expect: generated fails\ndef total(xs):\n    return sum(xs)\n",
                              "silent.py": "def total(xs):\n    return 0\n",
                              "typo.py": "# expect: generatd fails\ndef total(xs):\n    return 0\n"})
    result = validate(pytester)
    assert result.ret == 1
    result.stdout.fnmatch_lines([
        "total: bad/lucky.py should fail generated, but it passed",
        "*no line '# expect: <check>[[], <check>...] fails'*",
        "total: bad/typo.py expects 'generatd' to fail, but the kata has no such check*",
    ], consecutive=False)


def test_a_stub_that_already_passes_is_a_problem(pytester: pytest.Pytester) -> None:
    total_kata(pytester)
    (pytester.path / "katas/total/solution.py").write_text(TOTAL_REFERENCE)
    result = validate(pytester)
    result.stdout.fnmatch_lines(["total: the shipped stub solution.py passes every check*"])


def test_a_deck_card_without_a_blank_and_a_worked_deck_that_fails(pytester: pytest.Pytester) -> None:
    folder = pytester.path / "katas" / "deck"
    folder.mkdir(parents=True)
    (folder / "kata.toml").write_text('title = "Deck"\nkind = "cards"\nstatement = "Fill in."\n'
                                      '[[cards]]\nid = "one"\nquestion = "One?"\nback = "One."\n'
                                      '[[cards]]\nid = "two"\nquestion = "Two?"\nback = "Two."\n')
    (folder / "solution.py").write_text("from pytest_kata import __\n\n\ndef card_one():\n    assert 1 == __\n\n\n"
                                        "def card_two():\n    assert 2 == 2\n")
    worked = pytester.path / "worked" / "deck"
    worked.mkdir(parents=True)
    (worked / "solution.py").write_text("from pytest_kata import __\n\n\ndef card_one():\n    assert 1 == 3\n\n\n"
                                        "def card_two():\n    assert 2 == 2\n")
    result = validate(pytester, "--kata-solutions=worked")
    assert result.ret == 1
    result.stdout.fnmatch_lines([
        "deck: card two of the shipped deck does not stop at a blank (it passed)",
        "deck: the worked solution should pass one, but it failed: *",
    ], consecutive=False)


def test_a_broken_kata_toml_is_a_problem_too(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "total", "nonsense = 1\n" + TOTAL_TOML, reference=TOTAL_REFERENCE, solution="")
    result = validate(pytester)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*unknown key 'nonsense'*"])
