"""Card decks: blanks, recall answers, STAR stories, tampering, a fresh database per card."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pytest_kata import cardkit
from pytest_kata.cardkit import answer_digest

DIGEST = answer_digest("s4lt", "Page Faults")

DECK_TOML = f'''
title = "Mini deck"
kind = "cards"
round = 1
statement = "Fill in the blanks."

[[cards]]
id = "rows"
question = "What is a row?"
back = "A row is one record of a table."

[[cards]]
id = "fresh"
question = "Is the database fresh?"
back = "Every card gets a database of its own."

[[cards]]
id = "recalled"
question = "What does a thrashing system spend its time on?"
options = ["a) page faults", "b) sorting"]
back = "On page faults."
answer = "{DIGEST}"
'''

DECK = '''
from pytest_kata import __


def card_rows(db):
    db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    db.execute("INSERT INTO t VALUES (1, 'x')")
    row = db.execute("SELECT a, b FROM t").fetchone()
    assert row == __


def card_fresh(db):
    tables = db.execute("SELECT name FROM sqlite_master").fetchall()
    assert len(tables) == __
    db.execute("CREATE TABLE t (a INTEGER)")


def card_recalled(recall):
    recall(__)
'''

FILLED = {
    "row == __": 'row == (1, "x")',
    "len(tables) == __": "len(tables) == 0",
    "recall(__)": 'recall("  page   FAULTS ")',
}


def fill(text: str, **changes: str) -> str:
    for blank, answer in {**FILLED, **changes}.items():
        text = text.replace(blank, answer)
    return text


@pytest.fixture
def deck(pytester: pytest.Pytester):
    """A three-card deck under katas/mini; returns a function writing a worked copy."""
    folder = pytester.path / "katas" / "mini"
    folder.mkdir(parents=True)
    (folder / "kata.toml").write_text(DECK_TOML, encoding="utf-8")
    (folder / "solution.py").write_text(textwrap.dedent(DECK).lstrip(), encoding="utf-8")

    def worked(text: str | None = None) -> Path:
        target = pytester.path / "solutions" / "mini" / "solution.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if text is not None else fill(textwrap.dedent(DECK).lstrip()), encoding="utf-8")
        return target

    return worked


def outcomes(result: pytest.RunResult) -> dict[str, str]:
    report = json.loads(Path(result.report_path).read_text())  # type: ignore[attr-defined]
    return {check["name"]: check["status"] for check in report["katas"][0]["checks"]}


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    report = pytester.path / "report.json"
    result = pytester.runpytest("--kata", f"--kata-json={report}", "-p", "no:cacheprovider", *args)
    result.report_path = report  # type: ignore[attr-defined]
    return result


def test_each_card_is_an_item_failing_at_its_blank(pytester, deck) -> None:
    result = run(pytester)
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines([
        "FAILED katas/mini::rows - fill in the blank at katas/mini/solution.py:8",
        "FAILED katas/mini::fresh - fill in the blank at katas/mini/solution.py:13",
        "FAILED katas/mini::recalled - fill in the blank at katas/mini/solution.py:18",
    ])
    result.stdout.fnmatch_lines(["*card: What is a row?*"])
    assert "NameError" not in result.stdout.str() and "TypeError" not in result.stdout.str()
    assert outcomes(result) == {"rows": "failed", "fresh": "failed", "recalled": "failed"}


def test_a_blank_reached_through_a_helper_is_found_at_run_time(pytester, deck) -> None:
    # The blank hides behind a module-level name, out of the card's own source.
    folder = pytester.path / "katas" / "mini"
    text = (folder / "solution.py").read_text().replace("    assert row == __", "    assert row == ROW")
    (folder / "solution.py").write_text(text + "\nROW = __\n")
    result = run(pytester, "-k", "rows")
    result.stdout.fnmatch_lines(["FAILED katas/mini::rows - fill in the blank at katas/mini/solution.py:8"])


def test_worked_deck_passes_and_shows_every_back(pytester, deck) -> None:
    deck()
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([
        "*kata cards*",
        "mini::rows What is a row?",
        "    A row is one record of a table.",
        "mini::fresh Is the database fresh?",
        "    Every card gets a database of its own.",
    ])


def test_every_card_gets_its_own_fresh_database(pytester, deck) -> None:
    deck()
    # Run the card that creates a table twice in one worker's life: still fresh.
    result = run(pytester, "--kata-solutions=solutions", "--kata-in-process")
    result.assert_outcomes(passed=3)
    result = run(pytester, "--kata-solutions=solutions", "-n", "2")
    result.assert_outcomes(passed=3)


def test_a_wrong_recall_answer_fails_without_giving_the_answer_away(pytester, deck) -> None:
    deck(fill(textwrap.dedent(DECK).lstrip(), **{"recall(__)": 'recall("sorting")'}))
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*'sorting' is not the answer this card expects*"])
    assert "page faults" not in result.stdout.str().split("kata cards")[0].lower().replace("a) page faults", "")


def test_recall_answers_are_normalised_and_salted() -> None:
    assert answer_digest("a", "Page  Faults") == answer_digest("a", " page faults ")
    assert answer_digest("a", "page faults") != answer_digest("b", "page faults")
    assert "page" not in answer_digest("a", "page faults")
    check = cardkit.Helpers((answer_digest("a", "x"), answer_digest("b", "y"))).recall()
    check("Y")  # any accepted answer will do
    with pytest.raises(AssertionError):
        check("z")


@pytest.mark.parametrize(("old", "new"), [
    ('row == (1, "x")', "True"),  # the whole assertion replaced
    ('    assert row == (1, "x")', "    pass"),
    ('    assert len(tables) == 0\n', ""),  # an assertion removed
    ('len(tables) == 0', "len(tables) >= 0"),  # weakened
])
def test_a_change_outside_the_blanks_fails_that_card(pytester, deck, old, new) -> None:
    text = fill(textwrap.dedent(DECK).lstrip())
    if old == 'row == (1, "x")':
        old, new = '    assert row == (1, "x")', "    assert True"
    assert old in text
    deck(text.replace(old, new, 1))
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*card changed outside its blanks at line *"])


def test_whitespace_and_comment_changes_are_accepted(pytester, deck) -> None:
    text = fill(textwrap.dedent(DECK).lstrip())
    text = text.replace('    assert row == (1, "x")', '    # my note\n\n    assert row  ==  (1,\n        "x")  # ok')
    deck("# my deck\n\n" + text.replace("\n\n\ndef", "\n\n\n\n# between cards\ndef"))
    run(pytester, "--kata-solutions=solutions").assert_outcomes(passed=3)


def test_a_graded_blank_holds_values_not_code(pytester, deck) -> None:
    deck(fill(textwrap.dedent(DECK).lstrip(), **{"recall(__)": 'recall(__import__("os").getcwd())'}))
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*a blank may hold a value, or an expression over the deck's imported modules*"])


def test_a_blank_filled_with_the_cards_own_name_is_refused(pytester, deck) -> None:
    deck(fill(textwrap.dedent(DECK).lstrip(), **{"row == __": "row == row"}))
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*line 8 (a blank may hold a value*not the name 'row')*"])


@pytest.mark.parametrize("attack", [
    # A second def runs its default argument at load time, before the real card.
    "def card_rows(db=__import__('builtins').setattr(__import__('builtins'), 'ANY', 1)):\n    pass\n\n\n",
    "ANY = 1\n\n\n",
])
def test_code_added_outside_the_cards_fails_every_card(pytester, deck, attack) -> None:
    text = fill(textwrap.dedent(DECK).lstrip())
    deck(text.replace("def card_rows(db):", attack + "def card_rows(db):"))
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["*the deck changed outside its cards at line *"])


def test_another_cards_default_argument_is_outside_the_blanks_too(pytester, deck) -> None:
    text = fill(textwrap.dedent(DECK).lstrip())
    deck(text.replace("def card_fresh(db):", "def card_fresh(db, extra=print('loaded')):"))
    run(pytester, "--kata-solutions=solutions").assert_outcomes(failed=3)


def test_a_graded_deck_with_a_blank_left_says_fill_in_the_blank(pytester, deck) -> None:
    deck(textwrap.dedent(DECK).lstrip())  # the shipped deck, submitted as it is
    result = run(pytester, "--kata-solutions=solutions")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["*fill in the blank at solutions/mini/solution.py:8*"])


def test_a_card_missing_from_the_deck_fails_that_card_alone(pytester, deck) -> None:
    folder = pytester.path / "katas" / "mini"
    (folder / "kata.toml").write_text(DECK_TOML + '\n[[cards]]\nid = "gone"\nquestion = "?"\nback = "."\n')
    result = run(pytester)
    result.assert_outcomes(failed=4)
    result.stdout.fnmatch_lines(["*katas/mini/solution.py does not define card_gone()*"])


def test_a_syntax_error_in_the_deck_is_the_learners_to_fix(pytester, deck) -> None:
    folder = pytester.path / "katas" / "mini"
    (folder / "solution.py").write_text((folder / "solution.py").read_text() + "\ndef broken(:\n")
    result = run(pytester)
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["*katas/mini/solution.py has a syntax error at line 20*"])
    assert "kata.toml" not in result.stdout.str().split("kata progress")[0]


def test_story_and_answer_check_form_not_content() -> None:
    part = "we had a release on friday and the database kept timing out under load"
    cardkit.story(situation=part, task=part + " so I owned it", action=part + " and I added an index",
                  result=part + " then it stopped")
    with pytest.raises(AssertionError, match="placeholder"):
        cardkit.story(situation="TODO " + part, task=part + " a", action=part + " b", result=part + " c")
    with pytest.raises(AssertionError, match="the result has 2 words"):
        cardkit.story(situation=part, task=part + " a", action=part + " b", result="it worked")
    with pytest.raises(AssertionError, match="the same text"):
        cardkit.story(situation=part, task=part, action=part + " b", result=part + " c")
    with pytest.raises(AssertionError, match="must be a string"):
        cardkit.answer(42)
    with pytest.raises(AssertionError, match="aim for 40 to 300"):
        cardkit.answer("too short")
    cardkit.answer(" ".join(["word"] * 50))


def test_the_blank_refuses_every_use() -> None:
    blank = cardkit.__
    for use in (lambda: blank == 1, lambda: blank + 1, lambda: len(blank), lambda: blank(),
                lambda: blank.anything, lambda: list(blank), lambda: bool(blank), lambda: hash(blank)):
        with pytest.raises(cardkit.BlankNotFilled):
            use()
