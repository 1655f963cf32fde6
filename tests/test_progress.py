"""Rounds and progress across runs: the learner's view."""
from __future__ import annotations

import json

import pytest

SWAP = "katas/swap/solution.py"


def progress_section(result: pytest.RunResult) -> list[str]:
    lines = result.stdout.lines
    start = next(i for i, line in enumerate(lines) if "kata progress" in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("====")), len(lines))
    return lines[start:end]


def solve_swap(shipped: pytest.Pytester) -> None:
    (shipped.path / SWAP).write_text((shipped.path / "solutions/swap/solution.py").read_text())


def test_fresh_clone_shows_every_round_and_the_next_step(shipped: pytest.Pytester) -> None:
    result = shipped.runpytest("--kata", "-q")
    section = progress_section(result)
    text = "\n".join(section)
    assert "Round 1  Online coding interview, 60 min" in text
    assert "Round 2  Online coding interview, 75 min" in text
    assert "Round 3  HR round, 55 min" in text
    assert "  [ ] count_even_odd     not started" in section
    assert "Next: Count Even or Odd (count_even_odd, round 1)" in section
    assert "  edit katas/count_even_odd/solution.py" in section
    assert all(len(line) <= 80 for line in section), [line for line in section if len(line) > 80]


def test_solving_between_two_runs_is_newly_solved_and_next_moves_on(shipped: pytest.Pytester) -> None:
    shipped.runpytest("--kata", "-k", "swap or count_even_odd")
    (shipped.path / "katas/count_even_odd/solution.py").write_text(
        (shipped.path / "solutions/count_even_odd/solution.py").read_text())
    result = shipped.runpytest("--kata")
    section = progress_section(result)
    assert "Newly solved: count_even_odd" in section
    assert "  [x] count_even_odd     solved" in section
    assert "Next: Swap Two Numbers (swap, round 2)" in section

    solve_swap(shipped)
    result = shipped.runpytest("--kata")
    section = progress_section(result)
    assert "Newly solved: swap" in section and "Every kata is solved. Well done." in section

    (shipped.path / SWAP).write_text("def swap(a, b):\n    return b, a\n")
    section = progress_section(shipped.runpytest("--kata"))
    assert "Newly broken: swap" in section
    assert any(line.startswith("  [!] swap               failing rules:") for line in section)


def test_an_accidental_pass_of_one_check_is_not_solved(shipped: pytest.Pytester) -> None:
    (shipped.path / SWAP).write_text("def swap(a, b):\n    return b, a\n")
    result = shipped.runpytest("--kata", "--kata-json", "report.json")
    report = json.loads((shipped.path / "report.json").read_text())
    swap = next(kata for kata in report["katas"] if kata["id"] == "swap")
    assert swap["solved"] is False
    assert report["rounds"][1] == {"round": 2, "title": "Online coding interview", "solved": 0, "total": 1,
                                   "score": 0.75, "max_score": 1}
    assert "Round 2  Online coding interview, 75 min    [#######---] 0/1 katas  2/3 checks" in \
        progress_section(result)


def test_deselected_katas_are_not_recorded(shipped: pytest.Pytester) -> None:
    shipped.runpytest("--kata", "-k", "swap and rules")
    assert not (shipped.path / ".kata-progress.json").exists(), "a partly run kata must not be recorded"
    shipped.runpytest("--kata", "-k", "swap")
    stored = json.loads((shipped.path / ".kata-progress.json").read_text())
    assert list(stored["katas"]) == ["swap"]


def test_nothing_is_written_under_collect_only(shipped: pytest.Pytester) -> None:
    shipped.runpytest("--kata", "--collect-only")
    assert not (shipped.path / ".kata-progress.json").exists()


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": 99, "katas": {}, "runs": []})])
def test_unreadable_progress_is_set_aside_and_the_run_goes_on(shipped: pytest.Pytester, content: str) -> None:
    store = shipped.path / ".kata-progress.json"
    store.write_text(content)
    result = shipped.runpytest("--kata")
    result.stdout.fnmatch_lines(["kata: progress file */.kata-progress.json set aside as */.kata-progress.json.*.bak*"])
    aside = list(shipped.path.glob(".kata-progress.json.*.bak"))
    assert len(aside) == 1 and aside[0].read_text() == content, "the broken file is kept, not lost"
    assert json.loads(store.read_text())["format"] == 1


def test_progress_path_from_flag(shipped: pytest.Pytester) -> None:
    shipped.runpytest("--kata", "--kata-progress", "state/mine.json")
    assert (shipped.path / "state/mine.json").is_file()
    assert not (shipped.path / ".kata-progress.json").exists()


def test_xdist_counts_match_a_serial_run(shipped: pytest.Pytester) -> None:
    solve_swap(shipped)
    serial = shipped.runpytest("--kata", "--kata-seed", "1", "--kata-progress", "serial.json")
    parallel = shipped.runpytest("--kata", "--kata-seed", "1", "--kata-progress", "parallel.json", "-n", "2")
    rounds = [line for line in progress_section(serial) if line.startswith("Round")]
    assert rounds == [line for line in progress_section(parallel) if line.startswith("Round")]
    assert "1/1 katas  3/3 checks" in rounds[1]


def test_round_selection(shipped: pytest.Pytester) -> None:
    result = shipped.runpytest("--kata", "--kata-round", "2", "-v")
    result.assert_outcomes(failed=3, deselected=2)
    result.stdout.no_fnmatch_line("*count_even_odd::*FAILED*")


def test_hints_unlock_with_failing_runs_and_reset_clears(shipped: pytest.Pytester) -> None:
    result = shipped.runpytest("--kata-hint", "swap")
    result.stdout.fnmatch_lines(["No hint for swap yet*"])
    shipped.runpytest("--kata", "-k", "swap")
    result = shipped.runpytest("--kata-hint", "swap")
    result.stdout.fnmatch_lines(["Hint 1 of 3: *", "The next hint unlocks after 3 more failing runs."])
    for _ in range(3):
        shipped.runpytest("--kata", "-k", "swap")
    result = shipped.runpytest("--kata-hint", "swap")
    result.stdout.fnmatch_lines(["Hint 1 of 3: *", "Hint 2 of 3: *"])
    reference = (shipped.path / "katas/swap/reference.py").read_text()
    assert "a = a + b" in reference and "a = a + b" not in result.stdout.str()  # hints never show the reference

    result = shipped.runpytest("--kata-reset", "swap")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["kata: cleared progress in *: swap"])
    assert "collected" not in result.stdout.str(), "a reset runs nothing"
    shipped.runpytest("--kata-hint", "swap").stdout.fnmatch_lines(["No hint for swap yet*"])


def test_no_color_and_color(shipped: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    plain = shipped.runpytest_subprocess("--kata", "--color=auto")
    assert "\x1b[" not in plain.stdout.str()
    monkeypatch.delenv("NO_COLOR")
    coloured = shipped.runpytest_subprocess("--kata", "--color=yes")
    assert "\x1b[" in "\n".join(progress_section(coloured))


def _record_runs(store: str, kata: str, runs: int) -> None:
    from pathlib import Path

    from pytest_kata import progress

    for _ in range(runs):
        with progress.locked(Path(store)):
            data, _warning = progress.read(Path(store))
            progress.record(data, [progress.Outcome(kata, False)], {kata: "failing"}, {"1": 0}, "now")
            progress.write(Path(store), data)


def test_two_writers_at_once_lose_nothing(tmp_path) -> None:
    import multiprocessing

    store = str(tmp_path / "progress.json")
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_record_runs, args=(store, name, 20)) for name in ("one", "two")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert [writer.exitcode for writer in writers] == [0, 0]
    data = json.loads((tmp_path / "progress.json").read_text())
    assert len(data["runs"]) == 40
    assert {kata: entry["failing_runs"] for kata, entry in data["katas"].items()} == {"one": 20, "two": 20}


def test_collections_merge_their_rounds(shipped: pytest.Pytester) -> None:
    extra = shipped.path / "extra"
    (extra / "total").mkdir(parents=True)
    (extra / "rounds.toml").write_text(
        '[[rounds]]\nround = 2\ntitle = "Ignored: round 2 is named by katas/"\n\n'
        '[[rounds]]\nround = 4\ntitle = "Bonus round"\nminutes = 15\n')
    from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata

    write_kata(shipped.path, "total", TOTAL_TOML.replace("round = 1", "round = 4"),
               reference=TOTAL_REFERENCE, solution="def total(xs):\n    return sum(xs)\n", collection="extra")
    section = progress_section(shipped.runpytest("--kata-path", "katas", "--kata-path", "extra"))
    rounds = [line for line in section if line.startswith("Round")]
    assert [line.split("  ")[0] for line in rounds] == ["Round 1", "Round 2", "Round 3", "Round 4"]
    assert rounds[1].startswith("Round 2  Online coding interview, 75 min")
    assert rounds[3].startswith("Round 4  Bonus round, 15 min") and "1/1 katas" in rounds[3]


def test_broken_rounds_file_is_a_warning_not_a_stop(shipped: pytest.Pytester) -> None:
    (shipped.path / "katas/rounds.toml").write_text("[[rounds]]\nround = 1\n")
    result = shipped.runpytest("--kata")
    result.assert_outcomes(failed=5)
    result.stdout.fnmatch_lines(["katas/rounds.toml: missing required key 'rounds[[]0].title' (a non-empty string)"])


def test_a_real_attempt_that_fails_everything_is_failing_not_unstarted(shipped: pytest.Pytester) -> None:
    # Found in review: on a first run, any solution was taken for the untouched stub.
    (shipped.path / SWAP).write_text("def swap(a, b):\n    return a\n")
    section = progress_section(shipped.runpytest("--kata"))
    assert any(line.startswith("  [!] swap               failing") for line in section), section
    assert "  [ ] count_even_odd     not started" in section
