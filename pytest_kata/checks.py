"""The checks of a code kata: ``examples``, ``generated`` and ``rules``.

Each check is a function taking a :class:`CheckRun`; it returns normally when the
learner's solution passes and raises a :class:`KataFailure` (the learner's to
fix) or :class:`KataDefinitionError` (the author's) otherwise. The learner's
code and the reference each get their own deep copy of every input.
"""
from __future__ import annotations

import copy
import hashlib
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .definition import Kata
from .errors import KataDefinitionError, KataFailure
from .loading import function_from, learner_traceback, load_learner_module, load_trusted_module
from .rules import check_rules, read_source
from .strategies import argument_strategy
from .values import as_toml_data, same, show, show_call


@dataclass
class CheckRun:
    """One check of one kata against one solution file; ``cases`` counts the inputs it ran."""

    kata: Kata
    label: str
    solution: Path
    shown: str  # the solution's path as the learner knows it, for messages
    seed: int
    cases: int = 0

    def learner_function(self) -> Callable:
        if not self.solution.is_file():
            raise KataFailure(
                f"no solution submitted for {self.kata.id} (looked for {self.shown})"
            )
        module = load_learner_module(self.solution, self.kata.id, self.shown)
        return function_from(module, self.kata.function, self.shown, learner=True)

    def reference_function(self) -> Callable:
        module = load_trusted_module(self.kata.reference, self.kata.id, "reference")
        return function_from(module, self.kata.function, self.kata.reference, learner=False)


def kata_seed(run_seed: int, kata_id: str) -> int:
    """Each kata's own random stream, derived from the run's seed and the kata's id."""
    digest = hashlib.sha256(f"{run_seed}:{kata_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _parameters(function: Callable) -> list[str]:
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # builtins without a signature
        return []


class _Counterexample(Exception):
    """Raised inside Hypothesis so that it shrinks; carries what the learner needs to see."""

    def __init__(self, args: tuple, expected: Any, actual: Any = None, raised: str | None = None):
        super().__init__("counterexample")
        self.args_shown = args
        self.expected = expected
        self.actual = actual
        self.raised = raised


class _ReferenceRaised(Exception):
    def __init__(self, args: tuple, error: BaseException):
        super().__init__("reference raised")
        self.args_shown = args
        self.error = error


def _call_learner(function: Callable, args: tuple, run: CheckRun) -> tuple[Any, str | None]:
    """The learner's result, or the traceback of what it raised (anything, SystemExit included)."""
    try:
        return function(*copy.deepcopy(args)), None
    except KeyboardInterrupt:
        raise  # in this process Ctrl-C must still stop the run (a stuck solution)
    except BaseException as exc:  # noqa: BLE001 - a learner's exit is a verdict
        return None, learner_traceback(exc, run.solution, run.shown)


def _wrong_answer(call: str, expected: Any, actual: Any, raised: str | None) -> str:
    if raised is not None:
        return f"{call} raised an exception:\n{raised}\n  expected: {show(expected)}"
    return f"{call} returned the wrong value.\n  expected: {show(expected)}\n  actual:   {show(actual)}"


def run_examples(run: CheckRun) -> None:
    """The statement's own examples, compared with the expected values written in kata.toml."""
    learner = run.learner_function()
    parameters = _parameters(run.reference_function())
    failures = []
    for number, example in enumerate(run.kata.examples, start=1):
        run.cases += 1
        actual, raised = _call_learner(learner, example.args, run)
        if raised is None and same(example.expected, as_toml_data(actual)):
            continue
        call = show_call(run.kata.function, parameters, example.args)
        failures.append(f"example {number}: " + _wrong_answer(call, example.expected, actual, raised))
    if failures:
        more = len(failures) - 1
        others = f"\n({more} more of the {len(run.kata.examples)} examples fail too)" if more else ""
        raise KataFailure(failures[0] + others)


def run_generated(run: CheckRun) -> None:
    """Generated inputs, fed to the learner and to the reference; Hypothesis shrinks any failure."""
    from hypothesis import HealthCheck, Verbosity, given, seed, settings
    from hypothesis.errors import Flaky, HypothesisException

    learner = run.learner_function()
    reference = run.reference_function()
    parameters = _parameters(reference)
    strategy = argument_strategy(run.kata, run.label, parameters)

    def compare(args: tuple) -> None:
        run.cases += 1
        try:
            expected = reference(*copy.deepcopy(args))
        except Exception as exc:
            raise _ReferenceRaised(args, exc) from None
        actual, raised = _call_learner(learner, args, run)
        if raised is not None or not same(expected, actual):
            raise _Counterexample(args, expected, actual, raised)

    slow_is_fine = [check for check in HealthCheck if check.name in ("too_slow", "data_too_large", "large_base_example")]
    # One closure per run, its own seed and no example database: Hypothesis keys
    # both on the defining source line, which every kata shares here.
    hypothesis_test = settings(
        max_examples=run.kata.max_examples,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=False,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        suppress_health_check=slow_is_fine,
    )(seed(kata_seed(run.seed, run.kata.id))(given(strategy)(compare)))

    replay = f"seed {run.seed}; replay with --kata-seed {run.seed}"
    try:
        hypothesis_test()
    except _Counterexample as found:
        call = show_call(run.kata.function, parameters, found.args_shown)
        raise KataFailure(
            _wrong_answer(call, found.expected, found.actual, found.raised)
            + f"\nThe smallest failing input Hypothesis found in {run.cases} tries ({replay})."
        ) from None
    except _ReferenceRaised as broken:
        call = show_call(run.kata.function, parameters, broken.args_shown)
        raise KataDefinitionError(
            f"kata {run.kata.id!r}: the reference raised {type(broken.error).__name__}: "
            f"{broken.error} on {call}; the kata's strategies or reference need fixing ({replay})"
        ) from None
    except Flaky as flaky:
        found = [e for e in getattr(flaky, "exceptions", ()) if isinstance(e, _Counterexample)]
        on = f" such as {show_call(run.kata.function, parameters, found[0].args_shown)}" if found else ""
        raise KataFailure(
            f"{run.kata.function}() gave different results for the same input{on}; does it use "
            f"randomness, or keep state between calls? ({replay})"
        ) from None
    except HypothesisException as exc:
        raise KataDefinitionError(
            f"kata {run.kata.id!r}: the input strategies cannot be used: {type(exc).__name__}: {exc}"
        ) from None


def run_rules(run: CheckRun) -> None:
    if not run.solution.is_file():
        run.learner_function()  # raises the "no solution submitted" failure
    assert run.kata.rules is not None
    run.cases = 1
    check_rules(read_source(run.solution, run.shown), run.shown, run.kata.function, run.kata.rules)


CHECKS: dict[str, Callable[[CheckRun], None]] = {
    "examples": run_examples,
    "generated": run_generated,
    "rules": run_rules,
}
