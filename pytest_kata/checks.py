"""The checks of a code kata: ``examples``, ``generated`` and ``rules``.

Each check is a function taking a :class:`CheckRun`; it returns normally when the
learner's solution passes and raises a :class:`KataFailure` (the learner's to
fix) or :class:`KataDefinitionError` (the author's) otherwise. The learner's
code and the reference each get their own deep copy of every input.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .cards import blank_line
from .definition import SOLUTION_FILE, Card, Kata, Rules
from .errors import KataDefinitionError, KataFailure
from .loading import function_from, learner_traceback, load_learner_module, load_trusted_module
from .rules import check_rules, read_source
from .sandbox import Answer, Limits, Worker
from .worker import fresh_copy
from .strategies import argument_strategy
from .values import as_toml_data, show, show_call


MAX_SOLUTION_BYTES = 2**20


class InProcessLearner:
    """The learner's function called in this process (``--kata-in-process``, for debugging)."""

    def __init__(self, function: Callable, run: "CheckRun") -> None:
        self.function = function
        self.run = run

    def call(self, args: tuple) -> Answer:
        try:
            return Answer(value=self.function(*copy.deepcopy(args)))
        except KeyboardInterrupt:
            raise  # in this process Ctrl-C must still stop the run (a stuck solution)
        except BaseException as exc:  # noqa: BLE001 - a learner's exit is a verdict
            return Answer(raised=learner_traceback(exc, self.run.solution, self.run.shown))

    def card(self, answers: tuple[str, ...]) -> Answer:
        from . import cardkit

        try:
            line = cardkit.call_card(self.function, answers, str(self.run.solution))
        except cardkit.UnknownHelper as exc:
            return Answer(raised=f"{self.run.shown}: {exc}")
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a learner's exit is a verdict
            return Answer(raised=learner_traceback(exc, self.run.solution, self.run.shown))
        return Answer(value=True) if line is None else Answer(blank=line)

    def send_call(self, args: tuple) -> None:
        self._args = args

    def receive_call(self) -> Answer:
        return self.call(self._args)

    def output_text(self) -> str:
        return ""  # pytest's own capture shows it

    def close(self) -> None:
        pass


def _from_plugin(name: str, hook: Callable, **arguments: Any) -> Any:
    """Call one of our hooks; a plugin's exception is the kata's problem, said in a sentence."""
    try:
        return hook(**arguments)
    except KataDefinitionError:
        raise
    except Exception as exc:
        raise KataDefinitionError(f"kata {arguments['kata'].id!r}: a {name} hook raised "
                                  f"{type(exc).__name__}: {exc}") from None


class InProcessProgram:
    """A learner's program run in this process (``--kata-in-process``), standard streams swapped."""

    def __init__(self, code: Any, run: "CheckRun") -> None:
        self.code = code
        self.run = run

    def program(self, text: str) -> Answer:
        import contextlib
        import io
        import sys

        class Kept(io.BytesIO):
            def close(self) -> None:  # the program may close its stdout; keep what it wrote
                pass

        written = Kept()
        stdout = io.TextIOWrapper(written, encoding="utf-8", write_through=True)
        saved = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
        try:
            with contextlib.redirect_stdout(stdout):
                exec(self.code, {"__name__": "__main__", "__file__": str(self.run.solution)})
        except SystemExit as exc:
            if exc.code not in (None, 0):
                return Answer(raised=f"the program exited with code {exc.code!r}")
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - the learner's exceptions are verdicts
            return Answer(raised=learner_traceback(exc, self.run.solution, self.run.shown))
        finally:
            sys.stdin = saved
        try:
            stdout.flush()
        except ValueError:  # closed by the program
            pass
        return Answer(value=written.getvalue().decode("utf-8", "replace"))

    def output_text(self) -> str:
        return ""

    def close(self) -> None:
        pass


class ProgramLearner:
    """A program reading standard input, called like a function: the input is rendered to text."""

    def __init__(self, runner: Any, render_input: Callable) -> None:
        self.runner = runner
        self.render_input = render_input

    def call(self, args: tuple) -> Answer:
        return self.runner.program(self.render_input(*copy.deepcopy(args)))

    def send_call(self, args: tuple) -> None:
        self._args = args

    def receive_call(self) -> Answer:
        return self.call(self._args)

    def output_text(self) -> str:
        return self.runner.output_text()

    def close(self) -> None:
        self.runner.close()


@dataclass
class CheckRun:
    """One check of one kata against one solution file; ``cases`` counts the inputs it ran."""

    kata: Kata
    label: str
    solution: Path
    shown: str  # the solution's path as the learner knows it, for messages
    seed: int
    in_process: bool = False
    limits: Limits = field(default_factory=Limits)
    cwd: Path = field(default_factory=Path.cwd)
    hidden: tuple[Path, ...] = ()  # folders the learner's code must not see (the kata paths)
    read_only: bool = False  # graded code gets no writable place but a scratch folder
    submission_root: Path | None = None  # graded: the solution must be a real file inside it
    cases: int = 0
    isolation: str | None = None  # set once learner code has been started
    output: str = ""  # what the learner's code printed, kept when the check fails
    summary: str = ""  # a passing check's one-line result worth showing (the performance timings)
    record_inputs: bool = False  # keep the generated inputs tried (a recursive card probes some)
    inputs_seen: list = field(default_factory=list)
    hook: Any = None  # pytest's hook caller (config.hook): plugins may choose strategies and comparisons

    def matches(self, expected: Any, actual: Any) -> bool:
        """Whether the learner's value is right: a plugin's pytest_kata_compare, else kata.toml's ``compare``."""
        if self.hook is None:
            from .compare import matches_kata

            return matches_kata(self.kata, expected, actual)
        verdict = _from_plugin("pytest_kata_compare", self.hook.pytest_kata_compare,
                               kata=self.kata, expected=expected, actual=actual)
        if type(verdict) is not bool:  # "no" is truthy: only a real bool may decide
            raise KataDefinitionError(f"kata {self.kata.id!r}: a pytest_kata_compare hook returned "
                                      f"{show(verdict)}; it must return True, False or None")
        return verdict

    def strategy(self, parameters: list[str]) -> Any:
        if self.hook is None:
            return argument_strategy(self.kata, self.label, parameters)
        return _from_plugin("pytest_kata_strategy", self.hook.pytest_kata_strategy,
                            kata=self.kata, parameters=parameters, label=self.label)

    def _require_solution(self) -> None:
        if not self.solution.is_file():
            raise KataFailure(f"no solution submitted for {self.kata.id} (looked for {self.shown})")
        if self.submission_root is not None:
            # A link could point at the reference or at a classmate's file.
            inside = self.solution.resolve().is_relative_to(self.submission_root.resolve())
            if self.solution.is_symlink() or not inside:
                raise KataFailure(f"{self.shown} is a link to another file; submit the file itself")
            if self.solution.stat().st_size > MAX_SOLUTION_BYTES:
                raise KataFailure(f"{self.shown} is over {MAX_SOLUTION_BYTES // 2**20} MiB; submit the source only")

    def learner(self, function: str | None = None) -> InProcessLearner | Worker:
        """The learner's function (by default the kata's), ready to call; in a worker
        process unless asked otherwise."""
        return self.learner_ready(self.start_learner(function))

    def start_learner(self, function: str | None = None) -> Any:
        """Start loading the learner's code; :meth:`learner_ready` waits for it. In between,
        this process can do its own preparation while the worker boots."""
        self._require_solution()
        function = function or self.kata.function
        if self.kata.interface == "stdio":
            return self._program()
        if self.in_process:
            self.isolation = "none (in process)"
            module = load_learner_module(self.solution, self.kata.id, self.shown)
            return InProcessLearner(function_from(module, function, self.shown, learner=True), self)
        # Where rules read the code (a deck's card, a kata with rules), what runs must be that very def.
        exact = self.kata.rules is not None or self.kata.kind == "cards"
        return Worker(self.solution, self.shown, function, self.limits, self.cwd, self.hidden,
                      self.read_only, exact=exact, wait=False)

    def learner_ready(self, learner: Any) -> Any:
        if not isinstance(learner, Worker):
            return learner
        worker = learner
        worker.ready()
        self.isolation = worker.isolation
        if worker.load_failure is not None or worker.fatal is not None:
            worker.close()
            failure = worker.load_failure or f"{self.shown}: the worker {worker.fatal} while loading it"
            raise KataFailure(_with_output(failure, worker.output_text()))
        return worker

    def _program(self) -> "ProgramLearner":
        render_input = self._render("render_input")
        if self.in_process:
            self.isolation = "none (in process)"
            from .cards import parse

            parse(self.solution, self.shown)  # a syntax error, said as for any solution
            code = compile(self.solution.read_text(encoding="utf-8-sig"), str(self.solution), "exec")
            return ProgramLearner(InProcessProgram(code, self), render_input)
        worker = Worker(self.solution, self.shown, "", self.limits, self.cwd, self.hidden, self.read_only,
                        wait=False)
        return ProgramLearner(self.learner_ready(worker), render_input)

    def reference_function(self) -> Callable:
        module = load_trusted_module(self.kata.reference, self.kata.id, "reference")
        reference = function_from(module, self.kata.function, self.kata.reference, learner=False)
        if self.kata.interface != "stdio":
            return reference
        render_output = self._render("render_output")

        @functools.wraps(reference)  # keeps the signature: strategies are matched to its parameters
        def printed(*args: Any) -> str:
            return render_output(reference(*args))

        return printed

    def _render(self, name: str) -> Callable:
        assert self.kata.render is not None
        module = load_trusted_module(self.kata.render, self.kata.id, "render")
        return function_from(module, name, self.kata.render, learner=False)

    def expected_output(self, expected: Any) -> Any:
        """An example's expected value as the learner's code must give it (a program: as text)."""
        return self._render("render_output")(expected) if self.kata.interface == "stdio" else expected

    def describe(self, parameters: list[str], args: tuple) -> str:
        """The call (or, for a program, its input) as a failure message names it."""
        if self.kata.interface == "stdio":
            return f"your program, given the input {show(self._render('render_input')(*args))}"
        return show_call(self.kata.function, parameters, args)


def _with_output(message: str, output: str) -> str:
    """The failure message, followed by what the learner's code printed, if anything."""
    if not output.strip():
        return message
    printed = "\n".join(f"  | {line}" for line in output.rstrip("\n").splitlines())
    return f"{message}\nYour code printed:\n{printed}"


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

    def __init__(self, args: tuple, expected: Any, actual: Any = None, raised: str | None = None,
                 unplain: str | None = None):
        super().__init__("counterexample")
        self.args_shown = args
        self.expected = expected
        self.actual = actual
        self.raised = raised
        self.unplain = unplain


class _ReferenceRaised(Exception):
    def __init__(self, args: tuple, error: BaseException):
        super().__init__("reference raised")
        self.args_shown = args
        self.error = error


def _wrong_answer(call: str, expected: Any, actual: Any, raised: str | None, unplain: str | None = None) -> str:
    if unplain is not None:
        return (f"{call} returned {unplain}, which is not plain data (None, bool, int, float, str, "
                f"list, tuple or dict), so it cannot be compared.\n  expected: {show(expected)}")
    if raised is not None:
        return f"{call} raised an exception:\n{raised}\n  expected: {show(expected)}"
    return f"{call} returned the wrong value.\n  expected: {show(expected)}\n  actual:   {show(actual)}"


def run_examples(run: CheckRun) -> None:
    """The statement's own examples, compared with the expected values written in kata.toml."""
    pending = run.start_learner()  # the worker boots while the reference loads
    try:
        parameters = _parameters(run.reference_function())
    except BaseException:
        pending.close()
        raise
    learner = run.learner_ready(pending)
    failures = []
    try:
        for number, example in enumerate(run.kata.examples, start=1):
            run.cases += 1
            answer = learner.call(example.args)
            call = run.describe(parameters, example.args)
            if answer.fatal is not None:
                failures.append(f"example {number}: {call}: {answer.fatal}")
                break
            if answer.raised is None and answer.unplain is None and run.matches(
                    run.expected_output(example.expected), as_toml_data(answer.value)):
                continue
            failures.append(f"example {number}: " + _wrong_answer(
                call, run.expected_output(example.expected), answer.value, answer.raised, answer.unplain))
    finally:
        learner.close()
    if failures:
        more = len(failures) - 1
        others = f"\n({more} more of the {len(run.kata.examples)} examples fail too)" if more else ""
        run.output = learner.output_text()
        raise KataFailure(_with_output(failures[0] + others, run.output))


class _Fatal(Exception):
    """Raised inside Hypothesis once the worker is gone; every later call fails the same way."""


def run_generated(run: CheckRun) -> None:
    """Generated inputs, fed to the learner and to the reference; Hypothesis shrinks any failure."""
    pending = run.start_learner()  # the worker boots while Hypothesis and the strategy load
    try:
        from hypothesis import HealthCheck, Verbosity, given, seed, settings
        from hypothesis.errors import Flaky, HypothesisException

        reference = run.reference_function()
        parameters = _parameters(reference)
        strategy = run.strategy(parameters)
    except BaseException:
        pending.close()
        raise
    learner = run.learner_ready(pending)
    fatal: list[tuple[tuple, str]] = []  # the input that ended the worker, and how

    def compare(args: tuple) -> None:
        if fatal:
            # Shrinking a hang or a crash would cost a time limit per try: stop here,
            # and report the input that did it.
            raise _Fatal()
        run.cases += 1
        if run.record_inputs and len(run.inputs_seen) < 1000:
            run.inputs_seen.append(copy.deepcopy(args))
        learner.send_call(args)  # the worker works while the reference does
        try:
            expected = reference(*copy.deepcopy(args))
        except Exception as exc:
            learner.receive_call()  # keep the worker's answers in step
            raise _ReferenceRaised(args, exc) from None
        answer = learner.receive_call()
        if answer.fatal is not None:
            fatal.append((copy.deepcopy(args), answer.fatal))
            raise _Fatal()
        if answer.raised is not None or answer.unplain is not None or not run.matches(expected, answer.value):
            raise _Counterexample(args, expected, answer.value, answer.raised, answer.unplain)

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

    def fail(message: str) -> KataFailure:
        run.output = learner.output_text()
        return KataFailure(_with_output(message, run.output))

    try:
        try:
            hypothesis_test()
        except Exception:
            if fatal:  # whatever Hypothesis made of it, the worker's end is the verdict
                args, verdict = fatal[0]
                raise fail(
                    f"{run.describe(parameters, args)}: {verdict} ({replay})"
                ) from None
            raise
    except _Counterexample as found:
        call = run.describe(parameters, found.args_shown)
        raise fail(
            _wrong_answer(call, found.expected, found.actual, found.raised, found.unplain)
            + f"\nThe smallest failing input Hypothesis found in {run.cases} tries ({replay})."
        ) from None
    except _ReferenceRaised as broken:
        call = run.describe(parameters, broken.args_shown)
        raise KataDefinitionError(
            f"kata {run.kata.id!r}: the reference raised {type(broken.error).__name__}: "
            f"{broken.error} on {call}; the kata's strategies or reference need fixing ({replay})"
        ) from None
    except Flaky as flaky:
        found = [e for e in getattr(flaky, "exceptions", ()) if isinstance(e, _Counterexample)]
        on = f" such as {run.describe(parameters, found[0].args_shown)}" if found else ""
        raise fail(
            f"{run.kata.function}() gave different results for the same input{on}; does it use "
            f"randomness, or keep state between calls? ({replay})"
        ) from None
    except HypothesisException as exc:
        raise KataDefinitionError(
            f"kata {run.kata.id!r}: the input strategies cannot be used: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        learner.close()


def run_rules(run: CheckRun) -> None:
    run._require_solution()
    assert run.kata.rules is not None
    run.cases = 1
    check_rules(read_source(run.solution, run.shown), run.shown, run.kata.function, run.kata.rules)


def _recurses(run: CheckRun, name: str) -> None:
    """The function must really call itself on some input, not only contain a call that
    never runs: the largest inputs the generated check tried are run again, counted."""
    probes = sorted(run.inputs_seen, key=lambda args: len(repr(args)), reverse=True)[:5]
    if not probes or run.in_process:
        return
    learner = run.learner()
    try:
        counted = [(args, learner.call(args, count=True).calls) for args in probes]
    finally:
        learner.close()
    if all(calls is not None and calls <= 1 for _, calls in counted):
        parameters = list(inspect.signature(run.reference_function()).parameters)
        raise KataFailure(
            f"{name}() gives the right answers, but without calling itself: on inputs such as "
            f"{show_call(name, parameters, counted[0][0])} it ran once. A recursive function hands a "
            f"smaller case of the problem to {name}(...) itself.")


def run_card(run: CheckRun, card: Card, original: Path | None) -> None:
    """One card of a deck. ``original`` is the shipped deck when the solution is someone
    else's copy (graded): then only its blanks may differ."""
    from .cards import check_recursive, functions, parse, tampering

    run._require_solution()
    tree = parse(run.solution, run.shown)
    name = card.function or card.card_function
    if original is not None:
        reason = tampering(parse(original, str(original)), tree, name)
        if reason is not None:
            raise KataFailure(f"{run.shown}: {reason}")
    function = functions(tree).get(name)
    if function is None:
        raise KataFailure(f"{run.shown} does not define {name}(); the card {card.id!r} needs it back")
    line = blank_line(function)
    if line is not None:
        raise KataFailure(f"fill in the blank at {run.shown}:{line}\n  card: {card.question}")
    if card.function is not None:
        if card.recursive:
            check_recursive(function, run.shown)
        as_kata = dataclasses.replace(
            run.kata, function=card.function, reference=card.reference, strategy_file=card.strategy_file,
            arguments=card.arguments, max_examples=card.max_examples, rules=Rules(), kind="code")
        inner = dataclasses.replace(run, kata=as_kata, record_inputs=card.recursive)
        try:
            run_generated(inner)
            if card.recursive:
                _recurses(inner, card.function)
        finally:
            run.cases, run.isolation, run.output = inner.cases, inner.isolation, inner.output
        return
    learner = run.learner(card.card_function)
    try:
        run.cases = 1
        answer = learner.card(card.answers)
    finally:
        learner.close()
    if answer.value is True:
        return
    run.output = learner.output_text()
    if answer.blank is not None:
        message = f"fill in the blank at {run.shown}:{answer.blank}\n  card: {card.question}"
    elif answer.raised is not None:
        message = f"card {card.id!r} does not hold yet: {card.question}\n{answer.raised}"
    else:
        message = f"card {card.id!r}: the worker {answer.fatal}"
    raise KataFailure(_with_output(message, run.output))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


LOAD_ALLOWANCE = 0.5  # seconds of loading the performance check does not count


def _first_difference(expected: Any, actual: Any) -> str:
    """Where two long lists part, since their shortened forms may look the same."""
    if not (isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple))):
        return ""
    for index, (want, got) in enumerate(zip(expected, actual)):
        if type(want) is not type(got) or want != got:
            return f"\n  first difference at index {index}: expected {show(want)}, got {show(got)}"
    return f"\n  lengths differ: expected {len(expected)} items, got {len(actual)}"


def run_performance(run: CheckRun) -> None:
    """The learner's time on large inputs against the reference's, measured in this run.

    Reference and learner take turns (interleaved repeats, medians), so a machine
    that slows down slows both. The input goes to the worker once; each timed run
    is a round trip measured here (a fresh copy of the input, the call, the
    answer's way back): nothing the learner's code reports about time is
    trusted. A learner past ``factor`` times the
    reference plus ``floor`` is stopped there, so a slow solution costs seconds.
    """
    import random
    import secrets
    import time

    import pytest

    performance = run.kata.performance
    assert performance is not None
    if run.in_process:
        pytest.skip("the performance check times the worker process; run without --kata-in-process")
    reference = run.reference_function()
    parameters = _parameters(reference)
    maker = function_from(load_trusted_module(performance.inputs, run.kata.id, "performance"), "arguments",
                          performance.inputs, learner=False)
    # A seed of its own, not the run's: graded runs use seed 0, and a large input a
    # submission could predict, it could solve while loading, outside the timing.
    input_seed = secrets.randbits(32)
    try:
        args = tuple(maker(random.Random(input_seed)))
    except Exception as exc:
        raise KataDefinitionError(f"kata {run.kata.id!r}: {performance.inputs.name} raised "
                                  f"{type(exc).__name__}: {exc}") from None
    expects = f" The kata expects {performance.expects}." if performance.expects else ""
    sizes = ", ".join(f"{name}: {len(value):,} items" for name, value in zip(parameters, args)
                      if isinstance(value, (list, tuple, str, dict)))
    # Timed runs have their own budget: a small --kata-time-limit (which sets the
    # check's) must not cut off the reference's turns or a fast solution.
    run.limits = dataclasses.replace(run.limits, check_seconds=max(run.limits.check_seconds, 120.0))
    # The input reaches the worker before the learner's code does, and loading that
    # code is timed and charged to the first run: work done on the input while loading,
    # or in hooks on the transfer, would otherwise escape the clock.
    run._require_solution()
    pending = Worker(run.solution, run.shown, run.kata.function, run.limits, run.cwd, run.hidden,
                     run.read_only, exact=run.kata.rules is not None, defer_load=True)
    stored = pending.store(args, seconds=max(10 * run.limits.call_seconds, 30))
    start = time.perf_counter()
    learner = run.learner_ready(pending)
    # Starting up (namespaces, compiling) takes a moment on a busy machine; only loading
    # beyond that is charged: too little time to solve a large input off the clock.
    loading = max(time.perf_counter() - start - LOAD_ALLOWANCE, 0.0)
    ours: list[float] = []
    theirs: list[float] = []

    def fail(message: str) -> KataFailure:
        run.output = learner.output_text()
        return KataFailure(_with_output(message, run.output))

    try:
        if stored.fatal is not None:
            raise fail(f"while receiving the large input ({sizes}): {stored.fatal}")
        for _ in range(performance.repeats):
            # Both sides pay for a fresh copy of the input inside their timing.
            start = time.perf_counter()
            expected = reference(*fresh_copy(args))
            ours.append(time.perf_counter() - start)
            limit = performance.factor * _median(ours) + performance.floor
            run.cases += 1
            start = time.perf_counter()
            answer = learner.run_stored(seconds=max(limit - loading, 0.01))
            took = time.perf_counter() - start + loading
            charged, loading = loading, 0.0  # charged once, to the first run
            if answer.fatal is not None:
                if answer.fatal.startswith("time limit"):
                    raise fail(
                        f"too slow on the large input ({sizes}): stopped after {limit:.2f} s, over "
                        f"{performance.factor:g} x the reference's {_median(ours):.3f} s + {performance.floor:g} s."
                        f"{expects}")
                raise fail(f"on the large input ({sizes}, seed {input_seed}): {answer.fatal}")
            if answer.raised is not None:
                raise fail(f"on the large input ({sizes}, seed {input_seed}) your function raised an "
                           f"exception:\n{answer.raised}")
            if answer.unplain is not None or not run.matches(expected, answer.value):
                raise fail(f"wrong answer on the large input ({sizes}, seed {input_seed}), which the other "
                           f"checks do not try: "
                           + _wrong_answer(f"{run.kata.function}(...)", expected, answer.value, answer.raised,
                                           answer.unplain) + _first_difference(expected, answer.value))
            if took > limit:  # every run must finish within the limit, as the kill enforces
                spent = f", {charged:.2f} s of it while loading your file" if charged > 0 else ""
                raise fail(
                    f"too slow on the large input ({sizes}): {took:.2f} s{spent}, over {performance.factor:g} x "
                    f"the reference's {_median(ours):.3f} s + {performance.floor:g} s.{expects}")
            theirs.append(took)
    finally:
        learner.close()
    mine, reference_time = _median(theirs), _median(ours)
    limit = performance.factor * reference_time + performance.floor
    if mine > limit:
        raise fail(
            f"too slow on the large input ({sizes}): {mine:.3f} s against the reference's {reference_time:.3f} s "
            f"({mine / max(reference_time, 1e-9):.1f}x; allowed {performance.factor:g}x + {performance.floor:g} s)."
            f"{expects}")
    run.summary = (f"{mine:.3f} s against the reference's {reference_time:.3f} s "
                   f"({mine / max(reference_time, 1e-9):.1f}x; allowed {performance.factor:g}x + {performance.floor:g} s)")


def run_check(run: CheckRun, check: str) -> None:
    """Run the check (or, for a deck, the card) named ``check``; for a deck whose solution is
    not the shipped file itself, only its blanks may differ from it."""
    if run.kata.kind == "cards":
        shipped = run.kata.folder / SOLUTION_FILE
        run_card(run, run.kata.card(check), original=shipped if run.solution != shipped else None)
    else:
        CHECKS[check](run)


CHECKS: dict[str, Callable[[CheckRun], None]] = {
    "examples": run_examples,
    "generated": run_generated,
    "rules": run_rules,
    "performance": run_performance,
}
