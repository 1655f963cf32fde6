"""``pytest --kata-validate``: the katas themselves are checked, as contest problem packages are.

Each kata gets one item per *variant*, a solution file with a known verdict:
the reference (every check passes), the shipped stub (the kata is not solved
by it; a deck's every card stops at a blank), each known-wrong solution in
``bad/`` (the checks named in its ``# expect: ... fails`` line fail) and, with
``--kata-solutions``, the worked solution or deck (every check passes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .definition import SOLUTION_FILE, Kata
from .errors import KataDefinitionError, KataError

BAD_FOLDER = "bad"
_EXPECT = re.compile(r"^#\s*expect:\s*(?P<checks>[\w\s,]+?)\s+fails?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Variant:
    name: str  # how problems name it: "reference", "stub", "worked", "bad/naive_scan.py"
    solution: Path
    must_pass: bool = False  # every check passes
    must_fail: tuple[str, ...] = ()  # these checks fail
    unsolved: bool = False  # at least one check fails (a deck: every card at a blank)


def expected_failures(path: Path, label: str) -> tuple[str, ...]:
    found = _EXPECT.search(path.read_text(encoding="utf-8-sig"))
    if found is None:
        raise KataDefinitionError(f"{label}: no line '# expect: <check>[, <check>...] fails' saying which "
                                  f"checks this known-wrong solution must fail")
    return tuple(name.strip() for name in found.group("checks").split(",") if name.strip())


def variants(kata: Kata, worked: Path | None) -> list[Variant]:
    """What to validate for ``kata``; ``worked`` is its worked solution, if one is given."""
    found = []
    if kata.kind == "code" and kata.interface == "function":  # a stdio kata's reference is a function, not a program
        found.append(Variant("reference", kata.reference, must_pass=True))
    found.append(Variant("stub", kata.folder / SOLUTION_FILE, unsolved=True))
    if worked is not None and worked.is_file():
        found.append(Variant("worked", worked, must_pass=True))
    bad = kata.folder / BAD_FOLDER
    if bad.is_dir():
        for path in sorted(bad.glob("*.py")):
            found.append(Variant(f"{BAD_FOLDER}/{path.name}", path))
    return found


def validate(kata: Kata, variant: Variant, run_check: Callable[[str, Path], tuple[str, str]]) -> list[str]:
    """The problems of one variant, one sentence each; ``run_check(check, solution)`` returns
    the check's status ("passed", "failed" or "skipped") and message, or raises
    KataDefinitionError."""
    must_fail = variant.must_fail
    if variant.name.startswith(BAD_FOLDER + "/"):
        must_fail = expected_failures(variant.solution, f"{kata.id}/{variant.name}")
        unknown = [name for name in must_fail if name not in kata.checks]
        if unknown:
            return [f"{kata.id}: {variant.name} expects {unknown[0]!r} to fail, but the kata has no such "
                    f"check (it has {', '.join(kata.checks)})"]
    statuses: dict[str, str] = {}
    messages: dict[str, str] = {}
    problems = []
    for check in kata.checks:
        try:
            statuses[check], messages[check] = run_check(check, variant.solution)
        except KataDefinitionError as broken:
            problems.append(f"{kata.id}: {variant.name}: {check}: {broken}")
        except KataError as other:  # pragma: no cover - every check turns these into statuses
            problems.append(f"{kata.id}: {variant.name}: {check}: {other}")
    if variant.must_pass:
        problems += [f"{kata.id}: the {variant.name} solution should pass {check}, but it {status}"
                     + (f": {messages[check].splitlines()[0]}" if messages[check] else "")
                     for check, status in statuses.items() if status != "passed"]
    for check in must_fail:
        if statuses.get(check) == "passed":
            problems.append(f"{kata.id}: {variant.name} should fail {check}, but it passed")
    if variant.unsolved and kata.kind == "cards":
        problems += [f"{kata.id}: card {check} of the shipped deck does not stop at a blank (it {status}"
                     f"{': ' + messages[check].splitlines()[0] if messages[check] else ''})"
                     for check, status in statuses.items()
                     if not messages[check].startswith("fill in the blank at ")]
    elif variant.unsolved and statuses and all(status == "passed" for status in statuses.values()):
        problems.append(f"{kata.id}: the shipped stub {variant.solution.name} passes every check; "
                        f"learners would start with the kata solved")
    return problems
