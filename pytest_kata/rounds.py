"""Rounds: a collection's ``rounds.toml`` and the katas found under the kata paths.

A kata path may hold a ``rounds.toml`` beside its kata folders::

    [[rounds]]
    round = 1
    title = "Online coding interview"
    kind = "coding"
    minutes = 60

Collections given together merge by round number; the first collection that
describes a round names it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .definition import KATA_FILE, Kata, TomlTable, is_positive_int, is_str, load_kata, read_toml
from .errors import KataDefinitionError

ROUNDS_FILE = "rounds.toml"


@dataclass(frozen=True)
class Round:
    number: int
    title: str
    kind: str = ""
    minutes: int | None = None


@dataclass(frozen=True)
class KataEntry:
    """What the report needs of a kata, also when its kata.toml is broken."""

    id: str
    title: str
    round: int | None
    order: int
    checks: tuple[str, ...]
    folder: Path
    hints: tuple[str, ...] = ()
    weight: float = 1
    function: str = ""

    @property
    def sort_key(self) -> tuple:
        return (self.round is None, self.round or 0, self.order, self.id)


def _read_rounds(path: Path, label: str) -> list[Round]:
    top = TomlTable(label, read_toml(path, label))
    raw = top.take(
        "rounds", "an array of tables [[rounds]]",
        lambda value: isinstance(value, list) and all(isinstance(item, dict) for item in value),
        required=True,
    )
    top.finish()
    rounds = []
    for index, item in enumerate(raw):
        table = TomlTable(label, item, prefix=f"rounds[{index}].")
        number = table.take("round", "the round number, an integer from 1", is_positive_int, required=True)
        title = table.take("title", "a non-empty string", is_str, required=True)
        kind = table.take("kind", "a string such as 'coding' or 'hr'", is_str, default="")
        minutes = table.take("minutes", "the round's length in minutes, an integer from 1", is_positive_int)
        table.finish()
        rounds.append(Round(number, title, kind, minutes))
    return rounds


def load_rounds(paths: Iterable[Path], rootdir: Path) -> tuple[list[Round], list[str]]:
    """The merged rounds of every collection, and one line per problem found."""
    merged: dict[int, Round] = {}
    problems = []
    for path in paths:
        file = path / ROUNDS_FILE
        if not file.is_file():
            continue
        try:
            for found in _read_rounds(file, _shown(file, rootdir)):
                merged.setdefault(found.number, found)
        except KataDefinitionError as problem:
            problems.append(str(problem))
    return [merged[number] for number in sorted(merged)], problems


def _shown(path: Path, rootdir: Path) -> str:
    try:
        return str(path.relative_to(rootdir))
    except ValueError:
        return str(path)


def find_katas(paths: Iterable[Path], rootdir: Path, loaded: dict | None = None) -> list[KataEntry]:
    """Every kata folder under the paths, in learning order; broken ones included.

    ``loaded`` (folder to :class:`Kata`) keeps what is read here for the
    collection of the same run, which then reads each kata.toml once, not twice."""
    entries = {}
    for path in paths:
        for toml in sorted(path.rglob(KATA_FILE)):
            folder = toml.parent
            try:
                kata: Kata = load_kata(folder, _shown(toml, rootdir))
                if loaded is not None:
                    loaded[folder] = kata
            except KataDefinitionError:
                entries.setdefault(folder.name, KataEntry(folder.name, folder.name, None, 0, (KATA_FILE,), folder))
                continue
            entries.setdefault(kata.id, KataEntry(
                kata.id, kata.title, kata.round, kata.order, tuple(kata.checks), folder, kata.hints,
                kata.weight, kata.function,
            ))
    return sorted(entries.values(), key=lambda entry: entry.sort_key)
