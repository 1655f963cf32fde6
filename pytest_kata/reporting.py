"""Wiring of the reporters that run on the reporting process (never an xdist worker)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from .definition import SOLUTION_FILE
from .results import RunResults
from .rounds import KataEntry, find_katas, load_rounds
from .settings import KataSettings


def register_reporters(config: pytest.Config, settings: KataSettings) -> None:
    here = config.invocation_params.dir
    roots = list(settings.paths)
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        roots += [(here / arg).resolve() for arg in config.args if (here / arg).is_dir()]
    from .collect import LOADED_KATAS

    katas = find_katas(roots, config.rootpath, config.stash.setdefault(LOADED_KATAS, {}))
    rounds, problems = load_rounds(roots, config.rootpath)

    results = RunResults()
    config.pluginmanager.register(results, "kata-results")
    # Everything the end of the run needs is imported now, before any learner code
    # runs: a submission that rewrote a module on disk must not reach the grader.
    from . import report_ci  # noqa: F401
    from .report_json import Reports

    github = os.environ.get("GITHUB_STEP_SUMMARY")
    config.pluginmanager.register(Reports(
        settings, results, katas, rounds,
        isolation="none (in process)" if settings.in_process else "process",
        github_summary=Path(github) if github else None,
    ), "kata-reports")

    from .card_report import CardBacks

    config.pluginmanager.register(CardBacks(results), "kata-card-backs")

    def solution_of(entry: KataEntry) -> Path:
        folder = settings.solutions / entry.id if settings.solutions is not None else entry.folder
        return folder / SOLUTION_FILE

    from .progress_report import ProgressReport

    # Progress is the learner's own: not recorded for a folder of submitted
    # solutions, nor when nothing runs.
    if settings.students or settings.validate:
        return  # graded or validated, not practised: the grade lines or the problems say it all
    keep_progress = settings.solutions is None and not config.option.collectonly and not settings.grade
    config.pluginmanager.register(ProgressReport(
        store=settings.progress if keep_progress else None, results=results, katas=katas,
        rounds=rounds, solution_of=solution_of, invocation_dir=here, warnings=problems,
    ), "kata-progress")
