"""scaffold(): a new kata folder that loads, fails as a fresh kata should, and never overwrites."""
from __future__ import annotations

import ast
import errno
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import find, given, settings

from pytest_kata.cardkit import Helpers, answer_digest
from pytest_kata.definition import load_kata

from conftest import REPO
from pytest_kata.errors import KataError
from pytest_kata.loading import load_trusted_module
from pytest_kata.scaffold import scaffold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - older interpreters only
    import tomli as tomllib


def read_toml(folder: Path) -> dict:
    return tomllib.loads((folder / "kata.toml").read_text(encoding="utf-8"))


def test_code_kata_has_its_files_and_a_kata_toml_that_loads(tmp_path: Path) -> None:
    folder = scaffold(tmp_path, "largest_number")

    assert folder == tmp_path / "largest_number"
    assert sorted(path.name for path in folder.iterdir()) == [
        "kata.toml", "reference.py", "solution.py", "strategies.py"]
    kata = load_kata(folder)
    assert kata.id == "largest_number"
    assert kata.kind == "code"
    assert kata.title == "Largest Number"
    assert kata.function == "largest_number"
    assert len(kata.examples) == 2
    assert kata.strategy_file == folder / "strategies.py"
    assert kata.arguments is None, "exactly one of strategy and arguments; the other is a comment"
    assert kata.checks == ["examples", "generated"]


def test_code_kata_toml_explains_every_key(tmp_path: Path) -> None:
    text = (scaffold(tmp_path, "k") / "kata.toml").read_text(encoding="utf-8")
    for key in ("title", "kind", "round", "order", "function", "reference", "statement", "hints",
                "[[examples]]", "[generated]", "max_examples", "strategy", "[generated.arguments]",
                "weight", "check_weights", "[rules]", "assign_only", "no_packing", "ends_with_return",
                "advice"):
        assert key in text, key
    assert "#" in text


def test_code_kata_reference_answers_the_examples_and_the_stub_does_not(tmp_path: Path) -> None:
    folder = scaffold(tmp_path, "biggest")
    kata = load_kata(folder)
    reference = load_trusted_module(folder / "reference.py", "biggest", "reference").biggest
    solution = load_trusted_module(folder / "solution.py", "biggest", "solution").biggest
    for example in kata.examples:
        assert reference(*example.args) == example.expected
        assert solution(*example.args) is None
    arguments = load_trusted_module(folder / "strategies.py", "biggest", "strategies").arguments

    @settings(max_examples=50, database=None, deadline=None)
    @given(arguments)
    def agrees_with_max(args: tuple) -> None:
        assert len(args) == 1 and args[0], "one non-empty list per call"
        assert reference(*args) == max(args[0])

    agrees_with_max()
    assert find(arguments, lambda args: max(args[0]) < 0, settings=settings(database=None)), \
        "all-negative lists are drawn"


def test_a_fresh_code_kata_fails_its_checks_and_its_reference_passes_them(pytester: pytest.Pytester) -> None:
    folder = scaffold(pytester.path / "katas", "largest")

    result = pytester.runpytest("--kata", "-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) >= 2, result.stdout.str()
    assert outcomes.get("passed", 0) == 0, result.stdout.str()

    solutions = pytester.path / "solutions" / "largest"
    solutions.mkdir(parents=True)
    shutil.copy(folder / "reference.py", solutions / "solution.py")
    result = pytester.runpytest("--kata", "-p", "no:cacheprovider", "--kata-solutions=solutions")
    result.assert_outcomes(passed=2)


def test_cards_deck_has_a_kata_toml_and_a_solution_with_one_function_per_card(tmp_path: Path) -> None:
    folder = scaffold(tmp_path, "dbms_basics", kind="cards")

    assert sorted(path.name for path in folder.iterdir()) == ["kata.toml", "solution.py"]
    data = read_toml(folder)
    assert data["kind"] == "cards"
    assert data["title"] == "Dbms Basics"
    assert data["statement"].strip()
    assert {"function", "examples", "generated"}.isdisjoint(data)
    cards = data["cards"]
    assert [card["id"] for card in cards] == ["primary_key", "durability"]
    for card in cards:
        assert card["question"].strip() and card["back"].strip()
    source = (folder / "solution.py").read_text(encoding="utf-8")
    defined = {node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    assert defined == {"card_primary_key", "card_durability"}
    assert "from pytest_kata import __" in source


def test_the_recall_card_stores_a_salted_hash_with_a_fresh_salt(tmp_path: Path) -> None:
    digests = [read_toml(scaffold(tmp_path, name, kind="cards"))["cards"][1]["answer"]
               for name in ("one", "two")]
    for digest in digests:
        scheme, salt, _ = digest.split(":")
        assert scheme == "sha256" and len(salt) == 8
        assert digest == answer_digest(salt, "Durability")
        assert "durability" not in digest
    assert digests[0] != digests[1], "each deck gets its own salt"


def _run_card(work: Path, module_name: str, card: dict, source: str) -> None:
    path = work / f"{module_name}.py"
    path.write_text(source, encoding="utf-8")
    module = load_trusted_module(path, "deck", module_name)
    function = getattr(module, f"card_{card['id']}")
    answers = card.get("answer", ())
    helpers = Helpers(tuple([answers] if isinstance(answers, str) else answers))
    try:
        function(*helpers.build(list(function.__code__.co_varnames[:function.__code__.co_argcount])))
    finally:
        helpers.close()


def test_every_card_fails_at_its_blank_and_passes_once_it_is_filled(tmp_path: Path) -> None:
    folder = scaffold(tmp_path, "deck", kind="cards")
    cards = read_toml(folder)["cards"]
    shipped = (folder / "solution.py").read_text(encoding="utf-8")
    filled = shipped.replace("assert count == __", "assert count == 1").replace(
        "recall(__)", 'recall("durability")')
    assert "__)" not in filled and "== __" not in filled

    work = tmp_path / "work"
    work.mkdir()
    for card in cards:
        with pytest.raises(AssertionError):
            _run_card(work, "shipped", card, shipped)
        _run_card(work, "filled", card, filled)


def test_an_existing_folder_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    existing = tmp_path / "taken"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine", encoding="utf-8")

    for kind in ("code", "cards"):
        with pytest.raises(KataError, match="already exists") as caught:
            scaffold(tmp_path, "taken", kind=kind)
        assert str(existing) in str(caught.value)
    assert [path.name for path in existing.iterdir()] == ["notes.txt"]
    assert (existing / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert [path.name for path in tmp_path.iterdir()] == ["taken"], "no staging folder left behind"


def test_an_existing_file_of_that_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    with pytest.raises(KataError, match="already exists"):
        scaffold(tmp_path, "taken")
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a file"


@pytest.mark.parametrize("kata_id", [
    "", "1st", "two-sum", "two sum", "../escape", "a/b", ".hidden", "café", "sum!", "x\n", "class",
])
def test_an_id_that_cannot_name_a_kata_is_refused(tmp_path: Path, kata_id: str) -> None:
    with pytest.raises(KataError, match="kata id|keyword") as caught:
        scaffold(tmp_path, kata_id)
    assert "\n" not in str(caught.value).rstrip("\n"), "one sentence"
    assert list(tmp_path.iterdir()) == []
    assert not (tmp_path.parent / "escape").exists()


@pytest.mark.parametrize("kata_id", ["a", "_private", "two_sum", "Kata2", "match"])
def test_identifier_like_ids_are_accepted(tmp_path: Path, kata_id: str) -> None:
    folder = scaffold(tmp_path, kata_id)
    assert load_kata(folder).function == kata_id


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KataError, match="unknown kata kind 'quiz'"):
        scaffold(tmp_path, "fine", kind="quiz")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_kata_root_is_created(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "new" / "katas", "first")
    assert (folder / "kata.toml").is_file()


def test_a_failed_write_leaves_no_half_kata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.write_text
    written = []

    def failing(self: Path, *args, **kwargs):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(KataError, match="No space left on device"):
        scaffold(tmp_path, "half")
    assert written, "the first file was written before the failure"
    assert list(tmp_path.iterdir()) == []


def test_kata_new_then_kata_collects_it_failing(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--kata-new", "demo")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["kata: created *katas/demo; edit its kata.toml*"])
    result = pytester.runpytest("--kata", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["FAILED katas/demo::examples*", "FAILED katas/demo::generated*"])

    again = pytester.runpytest("--kata-new", "demo")
    assert again.ret == pytest.ExitCode.USAGE_ERROR
    again.stdout.fnmatch_lines(["kata: *katas/demo already exists*"])

    assert pytester.runpytest("--kata-new", "deck", "--kata-kind", "cards").ret == 0
    pytester.runpytest("--kata", "-p", "no:cacheprovider", "-k", "deck").assert_outcomes(failed=2)


def test_the_extra_collection_runs_from_its_own_path(pytester: pytest.Pytester) -> None:
    extra = REPO / "examples" / "extra-katas"
    worked = REPO / "examples" / "extra-katas-solutions"
    stubs = pytester.runpytest("--kata", f"--kata-path={extra}", "-p", "no:cacheprovider")
    assert stubs.ret == 1 and stubs.parseoutcomes().get("passed", 0) == 0
    solved = pytester.runpytest("--kata", f"--kata-path={extra}", f"--kata-solutions={worked}",
                                "-p", "no:cacheprovider")
    assert solved.ret == 0, solved.stdout.str()
