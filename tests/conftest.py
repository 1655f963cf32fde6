"""Shared fixtures: the plugin is driven the way a user drives it, through pytester."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent


CODING_KATAS = ("count_even_odd", "swap")


def copy_coding_katas(root: Path, performance: bool = True) -> None:
    (root / "katas").mkdir()
    shutil.copy(REPO / "katas" / "rounds.toml", root / "katas")
    for kata_id in CODING_KATAS:
        shutil.copytree(REPO / "katas" / kata_id, root / "katas" / kata_id)
        if not performance:
            definition = root / "katas" / kata_id / "kata.toml"
            text = definition.read_text(encoding="utf-8")
            definition.write_text(text.split("\n[performance]")[0], encoding="utf-8")


@pytest.fixture
def shipped(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project holding copies of the shipped coding katas and their worked solutions.

    Left out, to keep the many runs of these tests quick: the card decks, and the
    performance check (seconds per run); tests of their own cover both."""
    copy_coding_katas(pytester.path, performance=False)
    for kata_id in CODING_KATAS:
        shutil.copytree(REPO / "examples" / "solutions" / kata_id, pytester.path / "solutions" / kata_id)
    return pytester


@pytest.fixture
def shipped_all(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project holding copies of every shipped kata and deck, and their worked solutions."""
    shutil.copytree(REPO / "katas", pytester.path / "katas")
    shutil.copytree(REPO / "examples" / "solutions", pytester.path / "solutions")
    return pytester


def write_kata(
    root: Path,
    kata_id: str,
    toml: str,
    *,
    reference: str | None = None,
    solution: str | None = None,
    strategies: str | None = None,
    collection: str = "katas",
) -> Path:
    """Write a kata folder under ``root/collection``; ``None`` leaves a file out."""
    folder = root / collection / kata_id
    folder.mkdir(parents=True, exist_ok=True)
    files = {"kata.toml": toml, "reference.py": reference, "solution.py": solution,
             "strategies.py": strategies}
    for name, text in files.items():
        if text is not None:
            (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


TOTAL_TOML = '''
title = "Total"
round = 1
function = "total"
statement = "Add up the numbers."

[generated.arguments]
xs = { strategy = "lists", elements = { strategy = "integers", min_value = 0, max_value = 9 }, min_size = 1 }
'''

TOTAL_REFERENCE = '''
def total(xs):
    return sum(xs)
'''


@pytest.fixture
def total_kata(pytester: pytest.Pytester):
    """A one-check kata (``total``) whose solution each test writes."""

    def make(solution: str, reference: str = TOTAL_REFERENCE, kata_id: str = "total") -> Path:
        return write_kata(pytester.path, kata_id, TOTAL_TOML, reference=reference, solution=solution)

    return make
