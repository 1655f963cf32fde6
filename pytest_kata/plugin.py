"""pytest's entry point for pytest-kata: thin hooks that read options and delegate.

Without ``--kata`` (or another ``--kata-*`` option) every hook here returns at
once, and nothing heavier than :mod:`pytest_kata.settings` is imported.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Generator

import pytest

from .settings import SETTINGS_KEY, fraction, resolve_settings, seconds, wants_katas, whole_number


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("kata", "katas (pytest-kata)")
    group.addoption(
        "--kata", action="store_true", dest="kata", default=False,
        help="run the katas (kata folders under the kata paths) instead of the tests",
    )
    group.addoption(
        "--kata-path", action="append", dest="kata_paths", metavar="DIR", default=None,
        help="a folder of kata folders; repeatable (default: the ini option kata_paths, else katas/)",
    )
    group.addoption(
        "--kata-seed", dest="kata_seed", metavar="N", type=whole_number(0), default=None,
        help="seed for generated inputs; every run prints its seed so a run can be replayed",
    )
    group.addoption(
        "--kata-solutions", dest="kata_solutions", metavar="DIR", default=None,
        help="read each kata's solution from DIR/<kata-id>/solution.py instead of the kata folder",
    )
    group.addoption(
        "--kata-json", dest="kata_json", metavar="PATH", default=None,
        help="write a JSON report of every kata and check to PATH",
    )
    group.addoption(
        "--kata-round", dest="kata_round", metavar="N", type=whole_number(1), default=None,
        help="run only the katas of round N",
    )
    group.addoption(
        "--kata-in-process", dest="kata_in_process", action="store_true", default=False,
        help="run learner code inside the pytest process (for debugging; no isolation, no limits)",
    )
    group.addoption(
        "--kata-grade", dest="kata_grade", action="store_true", default=False,
        help="grade: run every check, seed 0 unless --kata-seed, no progress file; "
             "exit 0 only when the score reaches --kata-pass-score",
    )
    group.addoption(
        "--kata-pass-score", dest="kata_pass_score", metavar="FRACTION", type=fraction, default=1.0,
        help="with --kata-grade, the share of the points needed to pass (default 1.0)",
    )
    group.addoption(
        "--kata-exercism", dest="kata_exercism", metavar="PATH", default=None,
        help="write Exercism's results.json (version 3) to PATH",
    )
    group.addoption(
        "--kata-gradescope", dest="kata_gradescope", metavar="PATH", default=None,
        help="write Gradescope's results.json to PATH",
    )
    group.addoption(
        "--kata-submissions", dest="kata_submissions", metavar="DIR", default=None,
        help="grade every subfolder of DIR as one student's submission (laid out as for --kata-solutions)",
    )
    group.addoption(
        "--kata-csv", dest="kata_csv", metavar="PATH", default=None,
        help="write the class summary (student, score per round, total, max) to PATH",
    )
    group.addoption(
        "--kata-time-limit", dest="kata_time_limit", metavar="SECONDS", type=seconds, default=2.0,
        help="wall-clock limit of one call of the learner's function (default 2; loading gets 5 times it)",
    )
    group.addoption(
        "--kata-memory-limit", dest="kata_memory_limit", metavar="MIB", type=whole_number(64),
        default=512, help="address-space limit of the worker process running learner code (default 512)",
    )
    group.addoption(
        "--kata-progress", dest="kata_progress", metavar="PATH", default=None,
        help="the progress file (default: the ini option kata_progress, else .kata-progress.json)",
    )
    group.addoption(
        "--kata-hint", dest="kata_hint", metavar="KATA", default=None,
        help="print the hints of KATA unlocked so far, and run nothing",
    )
    group.addoption(
        "--kata-validate", dest="kata_validate", action="store_true", default=False,
        help="check the katas themselves: references pass, stubs fail, bad/ solutions get their verdicts "
             "(with --kata-solutions, worked solutions and decks pass too)",
    )
    group.addoption(
        "--kata-new", dest="kata_new", metavar="ID", default=None,
        help="create a new kata folder ID under the first kata path, ready to edit, and exit",
    )
    group.addoption(
        "--kata-kind", dest="kata_kind", choices=("code", "cards"), default="code",
        help="with --kata-new: a coding kata (code, the default) or a card deck (cards)",
    )
    group.addoption(
        "--kata-reset", dest="kata_reset", metavar="KATA", nargs="?", const="", default=None,
        help="clear the progress of KATA (or of every kata), and run nothing",
    )
    parser.addini(
        "kata_progress", default=".kata-progress.json",
        help="the progress file, relative to the rootdir (default: .kata-progress.json)",
    )
    parser.addini(
        "kata_paths", type="paths", default=[],
        help="folders of kata folders collected by --kata (default: katas/ under the rootdir)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    from . import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


def pytest_cmdline_main(config: pytest.Config) -> int | None:
    hint, reset = config.getoption("kata_hint"), config.getoption("kata_reset")
    new = config.getoption("kata_new")
    if hint is None and reset is None and new is None:
        return None
    from . import commands

    settings = resolve_settings(config)
    if new is not None:
        return commands.new_kata(settings, new, config.getoption("kata_kind"))
    if hint is not None:
        return commands.show_hints(settings, config.rootpath, hint)
    return commands.reset(settings, reset)


def pytest_configure(config: pytest.Config) -> None:
    if not wants_katas(config):
        return
    settings = resolve_settings(config)
    config.stash[SETTINGS_KEY] = settings
    # Collect the kata folders and nothing else, unless the command line names
    # paths itself (`pytest --kata katas/swap`). Writing the resolved values back
    # into the options hands them to xdist workers, which receive options and args.
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        config.args = [str(path) for path in settings.paths]
    if settings.grade:
        # Every check runs: a grade counts them all, whatever -x or --maxfail say.
        config.option.maxfail = 0
    from .builtin_hooks import BuiltinHooks

    config.pluginmanager.register(BuiltinHooks(), "kata-builtin-hooks")
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_SeedToWorkers(settings.seed), "kata-xdist")
    if not hasattr(config, "workerinput"):
        from .reporting import register_reporters

        register_reporters(config, settings)


class _SeedToWorkers:
    """xdist sends workers neither our options nor our stash: hand them the run's seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput["kata_seed"] = self.seed


def pytest_report_header(config: pytest.Config) -> list[str] | None:
    settings = config.stash.get(SETTINGS_KEY, None)
    if settings is None:
        return None
    lines = [f"kata: seed {settings.seed} (replay with --kata-seed {settings.seed})"]
    if settings.solutions is not None:
        lines.append(f"kata: solutions from {settings.solutions}")
    return lines


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if SETTINGS_KEY not in parent.config.stash or not (path / "kata.toml").is_file():
        return None
    from .collect import KataDirectory

    return KataDirectory.from_parent(parent, path=path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    settings = config.stash.get(SETTINGS_KEY, None)
    if settings is None or settings.round is None:
        return
    keep, drop = [], []
    for item in items:
        fields = getattr(item, "kata_report_fields", None)
        (keep if fields is not None and fields["round"] == settings.round else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # In a kata run, loose files under the kata paths are not tests.
    if SETTINGS_KEY in config.stash and not collection_path.is_dir():
        return True
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    fields = getattr(item, "kata_report_fields", None)
    if fields is not None:
        from .errors import KataDefinitionError, KataError

        # Extra report attributes survive xdist's serialisation to the controller.
        report.kata_report_fields = dict(fields)
        problem = call.excinfo.value if call.excinfo is not None else None
        if isinstance(problem, KataError):
            # Setup errors skip repr_failure; a broken kata's message is all a person needs.
            report.longrepr = str(problem)
            report.kata_report_fields["message"] = str(problem)
        # A kata found broken while its check runs is the author's error, not a failure.
        report.kata_report_fields["broken"] = isinstance(problem, KataDefinitionError)
        if report.when == "call" or (report.when == "setup" and report.failed):
            # JUnit XML reads these from the teardown report, which copies the item's.
            score = fields["max_score"] if report.passed else 0
            item.user_properties.extend([
                ("kata", fields["kata"]), ("round", fields["round"]),
                ("score", round(score, 4)), ("max_score", round(fields["max_score"], 4)),
            ])
    return report
