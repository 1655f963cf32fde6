"""The options of a kata run, resolved once from the command line and ini file."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class KataSettings:
    paths: tuple[Path, ...]
    seed: int
    solutions: Path | None = None
    json_report: Path | None = None
    progress: Path | None = None
    round: int | None = None
    in_process: bool = False
    time_limit: float = 2.0
    memory_limit: int = 512
    grade: bool = False
    pass_score: float = 1.0
    exercism: Path | None = None
    gradescope: Path | None = None
    submissions: Path | None = None
    students: tuple[str, ...] = ()
    csv: Path | None = None
    validate: bool = False


SETTINGS_KEY = pytest.StashKey[KataSettings]()

# Any of these on the command line means the user wants a kata run.
KATA_OPTIONS = ("kata", "kata_paths", "kata_seed", "kata_solutions", "kata_json", "kata_progress",
                "kata_round", "kata_in_process", "kata_grade", "kata_exercism", "kata_gradescope",
                "kata_submissions", "kata_csv", "kata_validate")


def wants_katas(config: pytest.Config) -> bool:
    # `is not None`, not truth: `--kata-seed 0` asks for katas too.
    values = [config.getoption(name, None) for name in KATA_OPTIONS]
    return any(value is not None and value is not False and value != [] for value in values)


def seconds(text: str) -> float:
    """``--kata-time-limit`` type: a positive number of seconds."""
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def fraction(text: str) -> float:
    """``--kata-pass-score`` type: a number from 0 to 1."""
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction from 0 to 1")
    return value


def whole_number(lowest: int):
    """An argparse ``type``: a whole number from ``lowest``, with a readable error."""

    def parse(text: str) -> int:
        import argparse

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < lowest:
            raise argparse.ArgumentTypeError(f"{text!r} is below {lowest}")
        return value

    return parse


def resolve_settings(config: pytest.Config) -> KataSettings:
    here = config.invocation_params.dir
    given = config.getoption("kata_paths")
    if given:
        paths = [(here / path).resolve() for path in given]
    else:
        paths = [Path(path).resolve() for path in config.getini("kata_paths")]
        if not paths:
            # pytest picks its rootdir before it knows our options, so the value of
            # `--kata-solutions /elsewhere` can move the rootdir away from the project:
            # fall back on the folder pytest was started in.
            defaults = [config.rootpath / "katas", here / "katas"]
            paths = [next((path for path in defaults if path.is_dir()), defaults[0])]
    for path in paths:
        if not path.is_dir() and not (config.getoption("kata_new", None) and path == paths[0]):  # --kata-new makes it
            raise pytest.UsageError(
                f"kata path {path} is not a folder; give --kata-path DIR or set kata_paths in the "
                f"ini file to folders holding kata folders (each with a kata.toml). A path given "
                f"as a separate word after a --kata-* option can mislead pytest's rootdir: write "
                f"--kata-solutions=DIR"
            )

    solutions = config.getoption("kata_solutions")
    if solutions is not None:
        solutions = (here / solutions).resolve()
        if not solutions.is_dir():
            raise pytest.UsageError(f"--kata-solutions {solutions} is not a folder")

    submissions = _path(here, config.getoption("kata_submissions"))
    students: tuple[str, ...] = ()
    if submissions is not None:
        if solutions is not None:
            raise pytest.UsageError("give --kata-solutions (one submission) or --kata-submissions (a class), not both")
        if not submissions.is_dir():
            raise pytest.UsageError(f"--kata-submissions {submissions} is not a folder")
        students = tuple(sorted(
            entry.name for entry in submissions.iterdir() if entry.is_dir() and not entry.name.startswith(".")
        ))
        if not students:
            raise pytest.UsageError(f"--kata-submissions {submissions} holds no submission folders")
        for option in ("kata_exercism", "kata_gradescope"):
            if config.getoption(option):
                flag = "--" + option.replace("_", "-")
                raise pytest.UsageError(f"{flag} describes one submission; with --kata-submissions use "
                                        f"--kata-json or --kata-csv")
    json_report = config.getoption("kata_json")
    seed = config.getoption("kata_seed")
    grade = config.getoption("kata_grade")
    if (grade or config.getoption("kata_validate")) and seed is None:
        seed = 0  # a grade is reproducible: the same submission always meets the same inputs
    workerinput = getattr(config, "workerinput", None)
    if seed is None and workerinput is not None:
        seed = workerinput.get("kata_seed")  # the controller's seed, so every worker draws alike
    progress = config.getoption("kata_progress") or config.getini("kata_progress")
    return KataSettings(
        paths=tuple(paths),
        seed=seed if seed is not None else random.randrange(10**6),
        solutions=solutions,
        json_report=(here / json_report).resolve() if json_report else None,
        progress=(
            (here / progress).resolve() if config.getoption("kata_progress")
            else (config.rootpath / progress).resolve()
        ),
        round=config.getoption("kata_round"),
        in_process=config.getoption("kata_in_process"),
        time_limit=config.getoption("kata_time_limit"),
        memory_limit=config.getoption("kata_memory_limit"),
        grade=grade,
        pass_score=config.getoption("kata_pass_score"),
        exercism=_path(here, config.getoption("kata_exercism")),
        gradescope=_path(here, config.getoption("kata_gradescope")),
        submissions=submissions,
        students=students,
        csv=_path(here, config.getoption("kata_csv")),
        validate=config.getoption("kata_validate"),
    )


def _path(here: Path, given: str | None) -> Path | None:
    return (here / given).resolve() if given else None
