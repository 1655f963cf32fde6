"""report_ci: the JSON report turned into Exercism, Gradescope and GitHub summary formats."""
from __future__ import annotations

import copy
import json
import math

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata
from pytest_kata.report_ci import exercism, github_summary, gradescope, truncate, write_json

EXERCISM_TOP = {"version", "status", "message", "tests"}
EXERCISM_TEST = {"name", "status", "message", "output", "test_code", "task_id"}
GRADESCOPE_TOP = {"score", "execution_time", "output", "output_format", "tests"}
GRADESCOPE_TEST = {"name", "score", "max_score", "status", "output", "visibility"}


def check(name: str, status: str, message: str | None = None, score: float = 0,
          max_score: float = 1, cases: int = 1) -> dict:
    return {"name": name, "status": status, "cases": cases, "message": message,
            "score": score, "max_score": max_score}


def kata(kata_id: str, title: str, round_: int | None, checks: list[dict], status: str,
         solved: bool = False) -> dict:
    return {"id": kata_id, "title": title, "round": round_, "kind": "code" if round_ else None,
            "status": status, "solved": solved,
            "score": round(sum(c["score"] for c in checks), 4),
            "max_score": round(sum(c["max_score"] for c in checks), 4), "checks": checks}


def document(*katas: dict, rounds: list[dict] | None = None) -> dict:
    return {"version": 1, "seed": 7,
            "score": round(sum(k["score"] for k in katas), 4),
            "max_score": round(sum(k["max_score"] for k in katas), 4),
            "rounds": rounds or [], "katas": list(katas)}


def swap_failing_rules() -> dict:
    return kata("swap", "Swap Two Numbers", 2, [
        check("examples", "passed", None, 0.25, 0.25, cases=3),
        check("generated", "passed", None, 0.5, 0.5, cases=100),
        check("rules", "failed", "katas/swap/solution.py:2: assigns to 'tmp'", 0, 0.25),
    ], "failed")


def count_solved() -> dict:
    return kata("count_even_odd", "Count Even or Odd", 1, [
        check("examples", "passed", None, 0.3333, 0.3333, cases=3),
        check("generated", "passed", None, 0.6667, 0.6667, cases=100),
    ], "passed", solved=True)


def broken(kata_id: str = "broken") -> dict:
    return kata(kata_id, kata_id, None, [
        check("kata.toml", "error",
              f"katas/{kata_id}/kata.toml: key 'title': expected a non-empty string, got the integer 3",
              0, 1),
    ], "error")


ROUNDS = [
    {"round": 1, "title": "Online coding interview", "solved": 1, "total": 1, "score": 1, "max_score": 1},
    {"round": 2, "title": "Online coding interview", "solved": 0, "total": 1, "score": 0.75, "max_score": 1},
    {"round": 3, "title": "HR round", "solved": 0, "total": 0, "score": 0, "max_score": 0},
]


# -- Exercism ---------------------------------------------------------------------------------


def assert_exercism_shape(result: dict) -> None:
    assert set(result) == EXERCISM_TOP
    assert result["version"] == 3 and type(result["version"]) is int
    assert result["status"] in ("pass", "fail", "error")
    assert result["message"] is None or isinstance(result["message"], str)
    if result["status"] == "error":
        assert result["message"], "the interface requires a message when the status is error"
    else:
        assert result["message"] is None, "the interface wants null unless the status is error"
    assert isinstance(result["tests"], list)
    for test in result["tests"]:
        assert set(test) in (EXERCISM_TEST, EXERCISM_TEST - {"task_id"})
        assert isinstance(test["name"], str) and test["name"]
        assert test["status"] in ("pass", "fail", "error")
        assert test["message"] is None or isinstance(test["message"], str)
        assert test["output"] is None or (isinstance(test["output"], str) and len(test["output"]) <= 500)
        assert isinstance(test["test_code"], str) and test["test_code"]
        if "task_id" in test:
            assert type(test["task_id"]) is int
    json.dumps(result, allow_nan=False)


def test_exercism_lists_every_check_in_report_order_with_names_and_task_ids() -> None:
    result = exercism(document(count_solved(), swap_failing_rules(), broken(), rounds=ROUNDS))
    assert_exercism_shape(result)
    assert [(t["name"], t["status"], t.get("task_id")) for t in result["tests"]] == [
        ("Count Even or Odd / examples", "pass", 1),
        ("Count Even or Odd / generated", "pass", 1),
        ("Swap Two Numbers / examples", "pass", 2),
        ("Swap Two Numbers / generated", "pass", 2),
        ("Swap Two Numbers / rules", "fail", 2),
        ("broken / kata.toml", "error", None),
    ]
    assert "task_id" not in result["tests"][-1], "a kata without a round links to no task"
    rules = result["tests"][4]
    assert rules["message"] == "katas/swap/solution.py:2: assigns to 'tmp'"
    assert result["tests"][0]["message"] is None and result["tests"][0]["output"] is None


def test_exercism_status_all_passed_is_pass() -> None:
    result = exercism(document(count_solved()))
    assert_exercism_shape(result)
    assert (result["status"], result["message"]) == ("pass", None)


def test_exercism_status_one_failure_is_fail() -> None:
    result = exercism(document(count_solved(), swap_failing_rules()))
    assert_exercism_shape(result)
    assert (result["status"], result["message"]) == ("fail", None)


def test_exercism_an_errored_check_among_tests_that_ran_is_fail_not_error() -> None:
    # The interface: "fail" when a test has status fail or error; "error" only when
    # no test ran cleanly. The errored test keeps its own status and message.
    for others in ([count_solved()], [swap_failing_rules()]):
        result = exercism(document(*others, broken()))
        assert_exercism_shape(result)
        assert result["status"] == "fail"
        assert result["tests"][-1]["status"] == "error"
        assert "expected a non-empty string" in result["tests"][-1]["message"]


def test_exercism_only_broken_katas_is_error_naming_each_and_its_message() -> None:
    bad_reference = kata("bad_reference", "Total", 1, [
        check("generated", "error", "kata 'bad_reference': the reference raised ZeroDivisionError"),
    ], "error")
    result = exercism(document(broken("first"), bad_reference))
    assert_exercism_shape(result)
    assert result["status"] == "error"
    message = result["message"]
    assert "first" in message and "katas/first/kata.toml: key 'title'" in message
    assert "Total (bad_reference)" in message and "the reference raised ZeroDivisionError" in message
    assert [t["status"] for t in result["tests"]] == ["error", "error"]


def test_exercism_leaves_skipped_checks_out() -> None:
    skipping = kata("total", "Total", 1, [
        check("examples", "skipped", "no examples on this platform"),
        check("generated", "passed", None, 1, 1),
    ], "passed")
    result = exercism(document(skipping))
    assert_exercism_shape(result)
    assert [t["name"] for t in result["tests"]] == ["Total / generated"]
    assert result["status"] == "pass"


def test_exercism_with_no_check_run_is_an_error_with_a_message() -> None:
    only_skipped = kata("total", "Total", 1, [check("generated", "skipped", "not today")], "skipped")
    for doc in (document(only_skipped), document()):
        result = exercism(doc)
        assert_exercism_shape(result)
        assert result["tests"] == []
        assert result["status"] == "error" and "No kata check ran" in result["message"]


def test_exercism_unknown_check_status_is_refused() -> None:
    odd = kata("total", "Total", 1, [check("generated", "xfailed")], "failed")
    with pytest.raises(ValueError, match="unknown status 'xfailed'"):
        exercism(document(odd))


def test_exercism_test_code_says_what_each_check_does() -> None:
    codes = {t["name"].split(" / ")[1]: t["test_code"]
             for t in exercism(document(swap_failing_rules(), broken()))["tests"]}
    assert "Hypothesis" in codes["generated"] and "reference" in codes["generated"]
    assert "--kata-seed 7" in codes["generated"], "the seed replays the inputs"
    assert "[[examples]]" in codes["examples"] and "expected" in codes["examples"]
    assert "with ast" in codes["rules"] and "[rules]" in codes["rules"]
    assert "kata.toml" in codes["kata.toml"]
    assert len(set(codes.values())) == 4


def test_exercism_output_is_null_without_captured_output_and_cut_to_500_characters() -> None:
    doc = document(count_solved())
    assert [t["output"] for t in exercism(doc)["tests"]] == [None, None]
    printed = {("count_even_odd", "examples"): "x" * 2000, ("count_even_odd", "generated"): "short"}
    tests = exercism(doc, outputs=printed)["tests"]
    assert len(tests[0]["output"]) == 500 and "truncated" in tests[0]["output"]
    assert tests[1]["output"] == "short"


def test_exercism_message_of_an_error_is_capped() -> None:
    huge = kata("huge", "Huge", None, [check("kata.toml", "error", "y" * 100_000)], "error")
    message = exercism(document(huge))["message"]
    assert len(message.encode("utf-8")) <= 65535 and "truncated" in message


def test_exercism_does_not_change_the_document() -> None:
    doc = document(count_solved(), swap_failing_rules(), broken(), rounds=ROUNDS)
    before = copy.deepcopy(doc)
    exercism(doc)
    gradescope(doc, 1.0)
    github_summary(doc)
    assert doc == before


# -- truncate ---------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [0, 1, 499, 500])
def test_truncate_leaves_text_that_fits(length: int) -> None:
    text = "é" * length
    assert truncate(text) == text


@pytest.mark.parametrize("length", [501, 502, 10_000])
def test_truncate_cuts_longer_text_to_500_with_a_visible_marker(length: int) -> None:
    text = "".join(chr(ord("a") + i % 26) for i in range(length))
    cut = truncate(text)
    assert len(cut) == 500
    assert cut.endswith("[... output truncated to 500 characters]")
    assert text.startswith(cut[:cut.index("\n[...")]), "the start of the text is kept"


def test_truncate_other_limits() -> None:
    assert len(truncate("z" * 100, 60)) == 60
    assert truncate("z" * 100, 10) == "z" * 10, "a limit shorter than the marker still holds"


# -- Gradescope -------------------------------------------------------------------------------


def assert_gradescope_shape(result: dict) -> None:
    assert set(result) == GRADESCOPE_TOP
    assert isinstance(result["score"], (int, float)) and not isinstance(result["score"], bool)
    assert isinstance(result["execution_time"], (int, float)) and result["execution_time"] >= 0
    assert isinstance(result["output"], str) and "\n" not in result["output"], "one paragraph"
    assert result["output_format"] == "text"
    for test in result["tests"]:
        assert set(test) == GRADESCOPE_TEST
        assert isinstance(test["name"], str) and test["name"]
        assert isinstance(test["score"], (int, float)) and isinstance(test["max_score"], (int, float))
        assert 0 <= test["score"] <= test["max_score"]
        assert test["status"] in ("passed", "failed")
        assert isinstance(test["output"], str)
        assert test["visibility"] == "visible"
    json.dumps(result, allow_nan=False)


def test_gradescope_one_test_per_check_with_points_and_statuses() -> None:
    skipping = kata("total", "Total", None, [check("generated", "skipped", "not today")], "skipped")
    doc = document(count_solved(), swap_failing_rules(), broken(), skipping, rounds=ROUNDS)
    result = gradescope(doc, 2.5)
    assert_gradescope_shape(result)
    assert result["execution_time"] == 2.5
    assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in result["tests"]] == [
        ("Count Even or Odd / examples", 0.3333, 0.3333, "passed"),
        ("Count Even or Odd / generated", 0.6667, 0.6667, "passed"),
        ("Swap Two Numbers / examples", 0.25, 0.25, "passed"),
        ("Swap Two Numbers / generated", 0.5, 0.5, "passed"),
        ("Swap Two Numbers / rules", 0, 0.25, "failed"),
        ("broken / kata.toml", 0, 1, "failed"),
        ("Total / generated", 0, 1, "failed"),
    ]
    outputs = [t["output"] for t in result["tests"]]
    assert outputs[:4] == ["", "", "", ""]
    assert outputs[4] == "katas/swap/solution.py:2: assigns to 'tmp'"
    assert outputs[5].startswith("katas/broken/kata.toml: key 'title'")
    assert outputs[6] == "skipped: not today"


def test_gradescope_score_is_the_report_total_and_the_sum_of_its_tests() -> None:
    doc = document(count_solved(), swap_failing_rules(), broken(), rounds=ROUNDS)
    result = gradescope(doc, 0)
    assert result["score"] == doc["score"] == 1.75
    assert sum(t["score"] for t in result["tests"]) == pytest.approx(doc["score"])
    assert sum(t["max_score"] for t in result["tests"]) == pytest.approx(doc["max_score"])


def test_gradescope_summary_gives_score_and_katas_solved_per_round() -> None:
    doc = document(count_solved(), swap_failing_rules(), broken(), rounds=ROUNDS)
    output = gradescope(doc, 1)["output"]
    assert output.startswith("Score 1.75 / 3.")
    assert "Round 1 (Online coding interview): 1 of 1 kata solved, 1 / 1 points." in output
    assert "Round 2 (Online coding interview): 0 of 1 kata solved, 0.75 / 1 points." in output
    assert "Round 3 (HR round): no katas yet." in output
    assert "No round: 0 of 1 kata solved, 0 / 1 points." in output


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf, "3", True, None])
def test_gradescope_refuses_an_execution_time_that_is_not_seconds(bad: object) -> None:
    with pytest.raises(ValueError, match="execution_time"):
        gradescope(document(count_solved()), bad)  # type: ignore[arg-type]


# -- GitHub step summary ----------------------------------------------------------------------


def test_github_summary_groups_katas_by_round_with_scores() -> None:
    doc = document(count_solved(), swap_failing_rules(), broken(), rounds=ROUNDS)
    text = github_summary(doc)
    assert text.startswith("## Kata results\n")
    assert "**Score: 1.75 / 3** (1 of 3 katas solved)" in text
    sections = text.split("\n### ")
    assert [s.split("\n", 1)[0] for s in sections[1:]] == [
        "Round 1: Online coding interview", "Round 2: Online coding interview", "Round 3: HR round",
        "No round"]
    round_1, round_2, round_3, no_round = sections[1:]
    assert "| Kata | Status | Score |" in round_1 and "| --- | --- | --- |" in round_1
    assert "| Count Even or Odd | solved | 1 / 1 |" in round_1
    assert "Swap" not in round_1
    assert "| Swap Two Numbers | failed | 0.75 / 1 |" in round_2
    assert "|" not in round_3 and "No katas in this round yet." in round_3
    assert "| broken | error | 0 / 1 |" in no_round


def test_github_summary_kata_statuses() -> None:
    partly = kata("partly", "Partly", 1, [check("generated", "passed", None, 1, 1)], "passed")
    partly["max_score"] = 2
    skipped = kata("skipped", "Skipped", 1, [check("generated", "skipped", "not today")], "skipped")
    text = github_summary(document(count_solved(), partly, skipped))
    assert "| Partly | passed, not all checks ran | 1 / 2 |" in text
    assert "| Skipped | skipped | 0 / 1 |" in text
    assert "| Count Even or Odd | solved | 1 / 1 |" in text


def test_github_summary_round_without_a_rounds_entry_still_shows_its_katas() -> None:
    text = github_summary(document(swap_failing_rules()))
    assert "### Round 2\n" in text and "| Swap Two Numbers | failed |" in text


def test_github_summary_round_whose_katas_did_not_run() -> None:
    text = github_summary(document(count_solved(), rounds=ROUNDS))
    round_2 = text.split("### Round 2: Online coding interview\n", 1)[1].split("###")[0]
    assert "No kata of this round ran." in round_2 and "|" not in round_2


def test_github_summary_escapes_pipes_backslashes_and_newlines_in_cells() -> None:
    tricky = kata("tricky", "a | b\\|c\nnext\r\nlast", 1, [check("generated", "failed", "boom")], "failed")
    rounds = [{"round": 1, "title": "Pipes | and\nlines", "solved": 0, "total": 1,
               "score": 0, "max_score": 1}]
    text = github_summary(document(tricky, rounds=rounds))
    row = next(line for line in text.splitlines() if line.startswith("| a "))
    assert row == "| a \\| b\\\\\\|c<br>next<br>last | failed | 0 / 1 |"
    assert cells(row) == ["a | b\\|c<br>next<br>last", "failed", "0 / 1"]
    assert "### Round 1: Pipes | and lines\n" in text, "a heading stays on one line"


def cells(row: str) -> list[str]:
    """Split a table row the way GFM does: a backslash escapes the next character."""
    found, cell, escaped = [], "", False
    for ch in row.strip()[1:-1]:
        if escaped:
            cell, escaped = cell + ch, False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            found, cell = found + [cell.strip()], ""
        else:
            cell += ch
    return found + [cell.strip()]


# -- write_json -------------------------------------------------------------------------------


def test_write_json_creates_folders_and_writes_indented_json(tmp_path) -> None:
    target = tmp_path / "out" / "deep" / "results.json"
    data = exercism(document(count_solved()))
    write_json(target, data)
    assert target.read_text(encoding="utf-8") == json.dumps(data, indent=2) + "\n"
    write_json(str(target), {"replaced": True})
    assert json.loads(target.read_text(encoding="utf-8")) == {"replaced": True}
    assert sorted(p.name for p in target.parent.iterdir()) == ["results.json"], "no temporary file left"


def test_write_json_refuses_nan_and_keeps_the_old_file(tmp_path) -> None:
    target = tmp_path / "results.json"
    write_json(target, {"score": 1})
    with pytest.raises(ValueError):
        write_json(target, {"score": math.nan})
    assert json.loads(target.read_text(encoding="utf-8")) == {"score": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]


# -- From a real run of the plugin --------------------------------------------------------------


def run_report(pytester: pytest.Pytester, *args: str) -> dict:
    pytester.runpytest("--kata", "--kata-json", "r.json", *args)
    return json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))


def test_formats_of_a_real_run_of_the_shipped_katas(shipped: pytest.Pytester) -> None:
    stubs = run_report(shipped, "--kata-seed", "5")
    solved = run_report(shipped, "--kata-solutions", "solutions")
    for doc, expected in ((stubs, "fail"), (solved, "pass")):
        names = [f"{k['title']} / {c['name']}" for k in doc["katas"] for c in k["checks"]]
        assert len(names) == 5

        result = exercism(doc)
        assert_exercism_shape(result)
        assert result["status"] == expected
        assert [t["name"] for t in result["tests"]] == names
        assert [t["task_id"] for t in result["tests"]] == [1, 1, 2, 2, 2]
        assert "Swap Two Numbers / rules" in names

        graded = gradescope(doc, 3.25)
        assert_gradescope_shape(graded)
        assert graded["score"] == doc["score"]
        assert sum(t["score"] for t in graded["tests"]) == pytest.approx(doc["score"])
        assert [t["name"] for t in graded["tests"]] == names

        summary = github_summary(doc)
        assert "### Round 1: Online coding interview" in summary
        assert "### Round 3: HR round" in summary
    assert stubs["score"] == 0 and solved["score"] == 2
    assert all(t["status"] == "failed" and t["output"] for t in gradescope(stubs, 1)["tests"])
    assert "--kata-seed 5" in exercism(stubs)["tests"][1]["test_code"]
    assert "| Swap Two Numbers | failed | 0 / 1 |" in github_summary(stubs)
    assert "| Swap Two Numbers | solved | 1 / 1 |" in github_summary(solved)


def test_formats_of_a_real_run_with_a_broken_kata(pytester: pytest.Pytester) -> None:
    write_kata(pytester.path, "broken", "title = 3\n", reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return sum(xs)\n")
    only_broken = run_report(pytester)
    result = exercism(only_broken)
    assert_exercism_shape(result)
    assert result["status"] == "error"
    assert "katas/broken/kata.toml: key 'title': expected a non-empty string" in result["message"]
    assert "task_id" not in result["tests"][0]
    assert "| broken | error | 0 / " in github_summary(only_broken).split("### No round", 1)[1]

    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return sum(xs)\n")
    mixed = run_report(pytester)
    result = exercism(mixed)
    assert_exercism_shape(result)
    assert result["status"] == "fail" and result["message"] is None
    assert {t["name"]: t["status"] for t in result["tests"]} == {
        "Total / generated": "pass", "broken / kata.toml": "error"}
    graded = gradescope(mixed, 0.5)
    assert_gradescope_shape(graded)
    assert {t["name"]: t["status"] for t in graded["tests"]} == {
        "Total / generated": "passed", "broken / kata.toml": "failed"}
