"""The ``--kata-json`` report in the formats CI systems and graders read.

Pure functions from the report document (the dict ``JsonReport.document()``
builds, format version 1) to:

- Exercism's test-runner ``results.json``, version 3 (:func:`exercism`),
- Gradescope's autograder ``results.json`` (:func:`gradescope`),
- GitHub-flavoured markdown for ``$GITHUB_STEP_SUMMARY`` (:func:`github_summary`),

plus :func:`write_json` to store a result atomically. Standard library only.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .files import write_atomically

EXERCISM_VERSION = 3
OUTPUT_LIMIT = 500
# Exercism caps the top-level message at 65535 characters, fewer when they are
# multi-byte; a quarter of it fits however the text encodes (UTF-8 uses at most
# four bytes a character).
MESSAGE_LIMIT = 65535 // 4

_EXERCISM_STATUS = {"passed": "pass", "failed": "fail", "error": "error"}
_TEST_CODE = {
    "examples": "Calls your function on each [[examples]] entry of kata.toml and compares "
                "the result with the expected value written there (tuples count as lists).",
    "generated": "Calls your function on inputs generated with Hypothesis (seed {seed}; replay "
                 "with --kata-seed {seed}) and compares the result with the reference's, "
                 "types included.",
    "rules": "Reads your solution's source with ast, without running it, and checks it "
             "against the [rules] of kata.toml.",
    "kata.toml": "Reads and validates the kata's kata.toml; no other check can run until "
                 "it is fixed.",
}


def truncate(text: str, limit: int = OUTPUT_LIMIT) -> str:
    """Return ``text`` cut to at most ``limit`` characters, ending with a visible marker when cut.

    Text that already fits is returned unchanged.
    """
    if len(text) <= limit:
        return text
    marker = f"\n[... output truncated to {limit} characters]"
    if len(marker) >= limit:
        return text[:limit]
    return text[:limit - len(marker)] + marker


def exercism(document: dict, *, outputs: Mapping[tuple[str, str], str] | None = None) -> dict:
    """Exercism's test-runner ``results.json`` (version 3) for a report document.

    One test per check that ran, in the report's order; skipped checks are
    left out. A test's ``task_id`` is its kata's round (left out when the kata
    has no round). ``outputs`` maps ``(kata id, check name)`` to what the
    learner's code printed, for callers that captured it: the report does not
    hold it, so ``output`` is null otherwise, and at most 500 characters always.

    The overall ``status`` follows the interface: ``pass`` when every test
    passed, ``error`` when no test ran cleanly (every one errored, as a broken
    kata does, or none ran), else ``fail``. ``message`` is null unless the
    status is ``error``; then it names the broken katas and their problems.
    """
    outputs = outputs or {}
    tests = []
    broken = []
    for kata in document["katas"]:
        for check in kata["checks"]:
            if check["status"] == "skipped":
                continue
            status = _EXERCISM_STATUS.get(check["status"])
            if status is None:
                raise ValueError(f"kata {kata['id']!r}, check {check['name']!r}: "
                                 f"unknown status {check['status']!r}")
            output = outputs.get((kata["id"], check["name"]))
            test: dict[str, Any] = {
                "name": _test_name(kata, check),
                "status": status,
                "message": check["message"],
                "output": None if output is None else truncate(output),
                "test_code": _test_code(check["name"], document["seed"]),
            }
            if kata["round"] is not None:
                test["task_id"] = kata["round"]
            tests.append(test)
            if status == "error":
                broken.append((kata, check))
    if tests and all(test["status"] == "pass" for test in tests):
        status, message = "pass", None
    elif tests and any(test["status"] != "error" for test in tests):
        # The interface keeps "error" for a run where no test ran cleanly: with a
        # result to show, an errored test makes the run "fail" and shows its message.
        status, message = "fail", None
    else:
        status, message = "error", truncate(_broken_message(broken), MESSAGE_LIMIT)
    return {"version": EXERCISM_VERSION, "status": status, "message": message, "tests": tests}


def gradescope(document: dict, execution_time: float) -> dict:
    """Gradescope's autograder ``results.json`` for a report document.

    ``score`` is the report's total; ``execution_time`` is the run's length in
    seconds (a finite number from 0); ``output`` is a one-paragraph summary,
    shown as plain text. One test per check that ran, in the report's order,
    each worth its check's points, ``passed`` or ``failed`` (an error or a skip
    is ``failed``), with the check's message as its output ("" when it passed).
    """
    if isinstance(execution_time, bool) or not isinstance(execution_time, (int, float)) \
            or not math.isfinite(execution_time) or execution_time < 0:
        raise ValueError(f"execution_time must be a finite number of seconds from 0, "
                         f"got {execution_time!r}")
    tests = []
    for kata in document["katas"]:
        for check in kata["checks"]:
            passed = check["status"] == "passed"
            tests.append({
                "name": _test_name(kata, check),
                "score": check["score"],
                "max_score": check["max_score"],
                "status": "passed" if passed else "failed",
                "output": "" if passed else _gradescope_output(check),
                "visibility": "visible",
            })
    return {
        "score": document["score"],
        "execution_time": round(float(execution_time), 3),
        "output": _summary(document),
        # The top-level output is rendered as HTML by default; a kata title is plain text.
        "output_format": "text",
        "tests": tests,
    }


def github_summary(document: dict) -> str:
    """GitHub-flavoured markdown for ``$GITHUB_STEP_SUMMARY``.

    A "Kata results" heading, the total score, then one "Round N: title"
    section per round with a | Kata | Status | Score | table of its katas that
    ran; katas without a round come last, under "No round".
    """
    katas = document["katas"]
    solved = sum(1 for kata in katas if kata["solved"])
    lines = ["## Kata results", "",
             f"**Score: {_number(document['score'])} / {_number(document['max_score'])}** "
             f"({solved} of {len(katas)} {_plural(len(katas), 'kata')} solved)"]
    sections = [(f"Round {found['round']}: {_one_line(found['title'])}",
                 [kata for kata in katas if kata["round"] == found["round"]],
                 found.get("total"))
                for found in document["rounds"]]
    known = {found["round"] for found in document["rounds"]}
    # "rounds" of a report lists every round its katas name; a hand-made document
    # may not, and its katas must not vanish from the summary.
    for number in sorted({kata["round"] for kata in katas if kata["round"] is not None} - known):
        sections.append((f"Round {number}", [kata for kata in katas if kata["round"] == number], None))
    roundless = [kata for kata in katas if kata["round"] is None]
    if roundless:
        sections.append(("No round", roundless, None))
    for heading, members, total in sections:
        lines += ["", f"### {heading}", ""]
        if not members:
            lines.append("No katas in this round yet." if total == 0 else "No kata of this round ran.")
            continue
        lines += ["| Kata | Status | Score |", "| --- | --- | --- |"]
        lines += [f"| {_cell(kata['title'])} | {_cell(_kata_status(kata))} | "
                  f"{_number(kata['score'])} / {_number(kata['max_score'])} |" for kata in members]
    return "\n".join(lines) + "\n"


def write_json(path: str | os.PathLike[str], data: Any) -> None:
    """Write ``data`` as indented JSON to ``path``, atomically, creating missing folders.

    NaN and infinities are refused (``ValueError``): they are not JSON, and a
    grader would reject the whole file.
    """
    write_atomically(Path(path), json.dumps(data, indent=2, allow_nan=False) + "\n")


def _test_name(kata: dict, check: dict) -> str:
    return f"{kata['title']} / {check['name']}"


def _test_code(check_name: str, seed: Any) -> str:
    template = _TEST_CODE.get(check_name)
    if template is None:
        return f"Runs the kata's {check_name} check."
    return template.format(seed=seed)


def _broken_message(broken: list[tuple[dict, dict]]) -> str:
    if not broken:
        return "No kata check ran (all were skipped, or none was selected)."
    lines = ["No check could run. Broken katas:"]
    for kata, check in broken:
        lines.append(f"- {kata['title']} ({kata['id']}), {check['name']}: "
                     f"{check['message'] or 'error without a message'}")
    return "\n".join(lines)


def _gradescope_output(check: dict) -> str:
    message = check["message"]
    if check["status"] == "skipped":
        return f"skipped: {message}" if message else "skipped"
    return message or check["status"]


def _summary(document: dict) -> str:
    parts = [f"Score {_number(document['score'])} / {_number(document['max_score'])}."]
    for found in document["rounds"]:
        title = _one_line(found["title"])
        if found["total"] == 0:
            parts.append(f"Round {found['round']} ({title}): no katas yet.")
        else:
            parts.append(f"Round {found['round']} ({title}): {found['solved']} of {found['total']} "
                         f"{_plural(found['total'], 'kata')} solved, "
                         f"{_number(found['score'])} / {_number(found['max_score'])} points.")
    roundless = [kata for kata in document["katas"] if kata["round"] is None]
    if roundless:
        solved = sum(1 for kata in roundless if kata["solved"])
        score = sum(kata["score"] for kata in roundless)
        max_score = sum(kata["max_score"] for kata in roundless)
        parts.append(f"No round: {solved} of {len(roundless)} "
                     f"{_plural(len(roundless), 'kata')} solved, "
                     f"{_number(score)} / {_number(max_score)} points.")
    return " ".join(parts)


def _kata_status(kata: dict) -> str:
    if kata["solved"]:
        return "solved"
    if kata["status"] == "passed":
        return "passed, not all checks ran"
    return kata["status"]


def _cell(text: str) -> str:
    # Backslashes first, so that an escaped pipe cannot be turned back into a bare one.
    text = str(text).replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(text.splitlines())


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _number(value: float) -> str:
    """2.0 as "2", 0.6667 as "0.6667": the report rounds points to four places."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
