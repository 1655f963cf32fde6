#!/usr/bin/env python
"""pytest-kata's benchmarks (issue 6): run them all and print a markdown table.

    python benchmarks/run.py            # the full run (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer repeats, a few minutes
    python benchmarks/run.py --only 1,4 # some measures only (1 and 2 run together)

Run it with the Python of the development virtual environment (the one that has
pytest-kata installed, with its `test` extra). It is not part of the test suite.

How it measures: every variant is a whole command, started with subprocess.run
and timed with time.perf_counter around it, so interpreter start-up, imports,
plugin loading and collection all count, as they do for a user. The variants
of one measure run interleaved (A B, then B A, ...) after one warm-up run each,
so that a burst of load on a shared machine hits all of them alike. A ratio is
the median of the per-round ratios (each round's A over the same round's B),
which cancels slow drifts in machine load; the time columns are medians too,
and the ratio column shows the interquartile range of the per-round ratios.

Everything runs on temporary copies (the katas count_even_odd and swap with
rounds.toml, the worked solutions, generated katas, test suites and
submissions), so changes to the working tree's katas/ do not move the figures.
The plugin's own code is the installed (editable) one.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HANDWRITTEN = HERE / "handwritten"
PYTHON = sys.executable
BARE_VENV = Path(os.environ.get("KATA_BENCH_BARE", "/tmp/bench-bare"))
SHIPPED = ("count_even_odd", "swap")

# Submissions copied round-robin into the class for measure 5. `slow` is left
# out: its count_even_odd waits out the 2 s time limit, and waiting needs no
# CPU, so it would flatter -n 2 on a 2-core machine. `hostile` is in: it ends
# the worker at once (os._exit) or is refused as not plain data, a cheap but
# real path. `noisy` prints megabytes through every channel, a heavy one.
CLASS_KINDS = ("correct", "wrong", "partial", "noisy", "hostile")
CLASS_SIZE = 40


@dataclass
class Variant:
    name: str
    cmd: list[str]
    cwd: Path
    ok: tuple[int, ...] = (0,)
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    measure: str
    a: str
    b: str
    ratio: str
    target: str
    met: str


class BenchError(Exception):
    pass


def bytecode_env(root: Path) -> dict[str, str]:
    """Bytecode caching on, into a folder of ours.

    Without a bytecode cache (PYTHONDONTWRITEBYTECODE=1, as set on this
    workplace and in many Docker images), pytest assertion-rewrites and compiles
    again, on every run, each module of every distribution that has a pytest
    plugin: all of Hypothesis (about 100 modules, 0.5-1 s) and all of pytest-kata.
    That cost is the environment's, not the plugin's, and would swamp the
    figures, so every run here gets a cache as on a usual install: its own
    folder (PYTHONPYCACHEPREFIX), filled by the warm-up runs, so that neither the
    venvs nor the working tree are written to.
    """
    return {"PYTHONPYCACHEPREFIX": str(root / "pycache")}


EXTRA_ENV: dict[str, str] = {}  # set by main() to bytecode_env(temporary folder)
CPU: dict[str, list[float]] = {}  # CPU seconds of each run, by variant name (warm-up runs included)


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's environment without what would change how pytest runs."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_XDIST_AUTO_NUM_WORKERS",
                          "PYTEST_DISABLE_PLUGIN_AUTOLOAD", "PYTHONPATH", "GITHUB_STEP_SUMMARY",
                          "PYTHONDONTWRITEBYTECODE")}
    env.update(EXTRA_ENV)
    env.update(extra or {})
    return env


def run_once(variant: Variant) -> float:
    """Wall-clock seconds of one run; its CPU seconds (with every waited-for descendant) go to CPU."""
    env = clean_env(variant.env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(variant.cmd, cwd=variant.cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(variant.name, []).append(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode not in variant.ok:
        tail = "\n".join(done.stdout.decode("utf-8", "replace").splitlines()[-25:])
        raise BenchError(f"{variant.name}: exit {done.returncode} (expected {variant.ok}) from\n"
                         f"  {' '.join(variant.cmd)}\n{tail}")
    return elapsed


def interleaved(label: str, variants: list[Variant], repeats: int, warmup: int = 1) -> dict[str, list[float]]:
    """Times of each variant, ``repeats`` rounds, the order reversed every other round."""
    for variant in variants:
        for _ in range(warmup):
            run_once(variant)
    times: dict[str, list[float]] = {variant.name: [] for variant in variants}
    for round_number in range(repeats):
        order = variants if round_number % 2 == 0 else variants[::-1]
        for variant in order:
            times[variant.name].append(run_once(variant))
        progress(f"{label}: round {round_number + 1}/{repeats} " + " ".join(
            f"{name}={values[-1]:.2f}s" for name, values in times.items()))
    return times


def progress(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def paired(times: dict[str, list[float]], a: str, b: str) -> list[float]:
    return [x / y for x, y in zip(times[a], times[b])]


def seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s"


def ratio_cell(ratios: list[float]) -> str:
    low, high = quartiles(ratios)
    return f"{statistics.median(ratios):.3f}x (IQR {low:.2f}-{high:.2f})"


def verdict(ratios: list[float], limit: float, at_most: bool) -> str:
    """"yes"/"no" on the median; "(within noise)" when the quartiles straddle the target."""
    median = statistics.median(ratios)
    met = median <= limit if at_most else median >= limit
    low, high = quartiles(ratios)
    return ("yes" if met else "no") + (" (within noise)" if low <= limit <= high else "")


def ratio_row(measure: str, times: dict[str, list[float]], a: str, b: str, limit: float | None,
              at_most: bool = True) -> Row:
    ratios = paired(times, a, b)
    if limit is None:
        target, met = "(info)", "-"
    else:
        target, met = (f"<= {limit:.2f}x" if at_most else f">= {limit:.2f}x"), verdict(ratios, limit, at_most)
    return Row(measure, f"{a}: {seconds(times[a])}", f"{b}: {seconds(times[b])}", ratio_cell(ratios), target, met)


# ---------------------------------------------------------------- fixtures ---

def copy_shipped(root: Path) -> tuple[Path, Path]:
    """Temporary copies of the two shipped code katas (with rounds.toml) and their worked solutions."""
    katas, solutions = root / "katas", root / "solutions"
    katas.mkdir()
    solutions.mkdir()
    for kata in SHIPPED:
        for source, target in ((REPO / "katas" / kata, katas / kata),
                               (REPO / "examples" / "solutions" / kata, solutions / kata)):
            target.mkdir()
            for file in source.iterdir():  # the kata's own files only, no subfolders
                if file.is_file() and file.suffix in (".toml", ".py"):
                    shutil.copy(file, target / file.name)
    shutil.copy(REPO / "katas" / "rounds.toml", katas / "rounds.toml")
    return katas, solutions


def make_collection(root: Path, count: int) -> Path:
    """``count`` copies of swap (kata.toml with [generated.arguments] and [rules], reference, stub)."""
    folder = root / f"collect_{count}"
    folder.mkdir()
    source = REPO / "katas" / "swap"
    files = {name: (source / name).read_bytes() for name in ("kata.toml", "reference.py", "solution.py")}
    for index in range(count):
        kata = folder / f"swap_{index:04d}"
        kata.mkdir()
        for name, data in files.items():
            (kata / name).write_bytes(data)
    return folder


def make_test_suite(root: Path) -> Path:
    """An ordinary suite: 20 modules of 10 small tests (plain, parametrized, with a fixture)."""
    folder = root / "suite"
    folder.mkdir()
    for module in range(20):
        tests = [textwrap.dedent(f"""
            import pytest


            @pytest.fixture
            def numbers():
                return list(range({module + 5}))
            """)]
        for number in range(7):
            tests.append(f"\ndef test_plain_{number}():\n    assert sum(range({number})) == {number * (number - 1) // 2}\n")
        tests.append("\ndef test_fixture(numbers):\n    assert numbers[0] == 0\n")
        tests.append("\n@pytest.mark.parametrize('value', [1, 2])\n"
                     "def test_param(value):\n    assert value * 2 == value + value\n")
        (folder / f"test_module_{module:02d}.py").write_text("".join(tests))
    return folder


def make_class(root: Path) -> Path:
    """40 submissions, the sample submissions copied round-robin (see CLASS_KINDS)."""
    folder = root / "class"
    folder.mkdir()
    for index in range(CLASS_SIZE):
        kind = CLASS_KINDS[index % len(CLASS_KINDS)]
        shutil.copytree(REPO / "examples" / "submissions" / kind, folder / f"s{index:02d}_{kind}",
                        ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def bare_venv() -> tuple[Path | None, str]:
    """A venv with pytest (and pytest-xdist, as in the dev venv) of the dev venv's versions, no pytest-kata."""
    python = BARE_VENV / "bin" / "python"
    wanted = [f"pytest=={metadata.version('pytest')}", f"pluggy=={metadata.version('pluggy')}"]
    try:
        wanted.append(f"pytest-xdist=={metadata.version('pytest-xdist')}")
    except metadata.PackageNotFoundError:
        pass
    if not python.exists():
        progress(f"creating {BARE_VENV} with {' '.join(wanted)}")
        base = getattr(sys, "_base_executable", sys.executable)
        made = subprocess.run([base, "-m", "venv", str(BARE_VENV)], check=False, capture_output=True, text=True)
        if made.returncode != 0:
            return None, f"could not create {BARE_VENV}: {made.stderr.strip()[-200:]}"
        pip = subprocess.run([str(python), "-m", "pip", "install", "--quiet", *wanted],
                             check=False, capture_output=True, text=True)
        if pip.returncode != 0:
            shutil.rmtree(BARE_VENV, ignore_errors=True)
            return None, f"pip install failed (no network?): {pip.stderr.strip()[-200:]}"
    probe = subprocess.run(  # -I and cwd /: not the working tree's pytest_kata/ through sys.path
        [str(python), "-I", "-c", ("import importlib.util as u, pytest; print(pytest.__version__, "
                                   "bool(u.find_spec('hypothesis')), bool(u.find_spec('pytest_kata')))")],
        check=False, capture_output=True, text=True, cwd="/")
    if probe.returncode != 0:
        return None, f"{python} does not run pytest: {probe.stderr.strip()[-200:]}"
    version, hypothesis, kata = probe.stdout.split()
    if hypothesis == "True" or kata == "True":
        return None, f"{BARE_VENV} is not bare: it has Hypothesis or pytest-kata; remove it and rerun"
    return python, f"pytest {version}"


# ---------------------------------------------------------------- measures ---

def pytest_cmd(*args: str, python: str | Path = PYTHON) -> list[str]:
    return [str(python), "-m", "pytest", *args]


def measure_overhead(work: Path, katas: Path, solutions: Path, repeats: int) -> list[Row]:
    """1 and 2: the plugin, in-process and sandboxed, against a hand-written Hypothesis test.

    Fairness: the same work on both sides. The plugin runs only the checks the
    hand-written file has a counterpart for, `examples` and `generated`
    (`-k "count_even_odd and (examples or generated)"`): swap's `rules` (reading
    the code with ast) and count_even_odd's `performance` (timing N = Q = 10^5
    against the reference) are left out. The hand-written file has two tests
    doing the same calls on the same strategy with the same settings; both sides
    deep-copy the inputs. It runs with `-p no:kata`, so its baseline is pytest
    plus Hypothesis alone (measure 4a shows what the idle plugin would add).
    Seeds are random on both sides, as in the commands a user types; the
    medians absorb the spread. The plugin gets `--kata-path` to a temporary
    copy of the two shipped katas (the working tree's katas/ is changing) and,
    as in the command of issue 6, `--kata-solutions` (graded code: read-only
    files in the sandbox).
    """
    env = {"KATA_BENCH_KATAS": str(katas), "KATA_BENCH_SOLUTIONS": str(solutions)}
    common = ["--kata", f"--kata-path={katas}", f"--kata-solutions={solutions}", "-p", "no:cacheprovider", "-q"]
    rows = []
    for label, select, handwritten in (
        ("count_even_odd", "count_even_odd and (examples or generated)",
         [str(HANDWRITTEN / "test_count_even_odd.py")]),
        ("shipped set, examples+generated", "examples or generated", [str(HANDWRITTEN)]),
    ):
        variants = [
            Variant("hand-written", pytest_cmd(*handwritten, "-p", "no:cacheprovider", "-q", "-p", "no:kata"),
                    REPO, env=env),
            Variant("in-process", pytest_cmd(*common, "-k", select, "--kata-in-process"), REPO),
            Variant("sandboxed", pytest_cmd(*common, "-k", select), REPO),
        ]
        times = interleaved(f"1+2 {label}", variants, repeats)
        rows.append(ratio_row(f"1. overhead, {label}: in-process vs hand-written", times,
                              "in-process", "hand-written", 1.10))
        rows.append(ratio_row(f"2. isolation, {label}: sandboxed vs hand-written", times,
                              "sandboxed", "hand-written", 1.25))
        rows.append(ratio_row(f"1+2. {label}: sandboxed vs in-process", times,
                              "sandboxed", "in-process", None))
    return rows


def measure_collection(work: Path, repeats: int) -> list[Row]:
    """3: `--collect-only` of 0, 10, 100 and 1000 copies of swap; cost per kata above 0 katas.

    Collection reads and validates each kata.toml and makes its three items
    (examples, generated, rules); nothing is imported from the kata folders.
    """
    sizes = (0, 10, 100, 1000)
    variants = [
        Variant(f"{size} katas",
                pytest_cmd("--kata", f"--kata-path={make_collection(work, size)}", "--collect-only", "-q",
                           "-p", "no:cacheprovider"),
                work, ok=(0, 5))  # 5: no items, for the empty folder
        for size in sizes
    ]
    times = interleaved("3 collection", variants, repeats)
    base = times["0 katas"]
    per_kata = {size: [(t - b) / size * 1000 for t, b in zip(times[f"{size} katas"], base)] for size in sizes[1:]}
    rows = []
    for size in sizes[1:]:
        values = per_kata[size]
        median = statistics.median(values)
        low, high = quartiles(values)
        # At 10 katas the difference (~10 ms) is within run-to-run noise: shown, not judged.
        judged = size >= 100
        met = ("yes" if median <= 1.5 else "no") + (" (within noise)" if low <= 1.5 <= high else "")
        rows.append(Row(f"3. collection, {size} katas: ms per kata above 0 katas",
                        f"{size} katas: {seconds(times[f'{size} katas'])}", f"0 katas: {seconds(base)}",
                        f"{median:.3f} ms/kata (IQR {low:.2f}-{high:.2f})",
                        "<= 1.5 ms/kata" if judged else "(info: within noise)", met if judged else "-"))
    linear = [x / y for x, y in zip(per_kata[1000], per_kata[100])]
    rows.append(Row("3. collection linearity: per-kata cost at 1000 vs at 100",
                    f"1000: {statistics.median(per_kata[1000]):.3f} ms/kata",
                    f"100: {statistics.median(per_kata[100]):.3f} ms/kata",
                    ratio_cell(linear), "<= 1.50x", verdict(linear, 1.5, True)))
    return rows


def measure_idle(work: Path, repeats: int) -> list[Row]:
    """4: plain `pytest -q` on an ordinary suite of 200 tests, with and without pytest-kata.

    (a) the same venv, `-p no:kata` against the default: the plugin's own cost
    (its module import and hooks). (b) the dev venv against a bare venv holding
    pytest and pytest-xdist of the same versions but neither pytest-kata nor
    Hypothesis: the whole cost of installing pytest-kata, Hypothesis's own pytest
    plugin (loaded by every pytest run once Hypothesis is installed) included.
    pytest-xdist is in both because the dev venv has it from the `test` extra,
    not from pytest-kata; tools without pytest plugins (ruff, pyinstrument) are
    left as they are: only a longer scan of installed distributions comes of them.
    """
    suite = make_test_suite(work)
    variants = [
        Variant("default", pytest_cmd("-q"), suite),
        Variant("-p no:kata", pytest_cmd("-q", "-p", "no:kata"), suite),
    ]
    python, note = bare_venv()
    if python is not None:
        variants.append(Variant("bare venv", pytest_cmd("-q", python=python), suite))
        # Attribution only: the dev venv without Hypothesis's pytest plugin, whose
        # pytest_terminal_summary imports all of Hypothesis on every run.
        variants.append(Variant("-p no:hypothesispytest", pytest_cmd("-q", "-p", "no:hypothesispytest"), suite))
    times = interleaved("4 idle", variants, repeats)
    rows = [ratio_row("4a. idle, 200 tests: plugin loaded vs -p no:kata (same venv)", times,
                      "default", "-p no:kata", 1.02)]
    if python is not None:
        rows.append(ratio_row(f"4b. idle, 200 tests: dev venv vs bare venv ({note} + xdist, no kata/Hypothesis)",
                              times, "default", "bare venv", 1.02))
        rows.append(ratio_row("4b'. idle: dev venv with -p no:hypothesispytest vs bare venv",
                              times, "-p no:hypothesispytest", "bare venv", None))
    else:
        rows.append(Row("4b. idle, 200 tests: dev venv vs bare venv", seconds(times["default"]),
                        "not measured", "-", "<= 1.02x", f"n/a: {note}"))
    return rows


def measure_grading(work: Path, katas: Path, repeats: int) -> list[Row]:
    """5: grading a class of 40 submissions, serial against `-n 2`.

    Every check but count_even_odd's `performance` (`-k "not performance"`):
    that check times N = Q = 10^5 against the reference, seconds per student,
    which would take this measure far past its time budget and measure the
    timing loop rather than grading (benchmarks/performance_verdicts.py covers it).
    """
    submissions = make_class(work)
    common = ["--kata-grade", f"--kata-path={katas}", f"--kata-submissions={submissions}",
              "-p", "no:cacheprovider", "-q", "-k", "not performance"]
    variants = [
        Variant("serial", pytest_cmd(*common), work, ok=(1,)),  # some students fail: exit 1
        Variant("-n 2", pytest_cmd(*common, "-n", "2"), work, ok=(1,)),
    ]
    # Calibration, in the same rounds: one CPU-bound process alone, then two at
    # once. Twice the first time over the second is the throughput two processes
    # get right now: 2.0 on two free cores, less when other load takes a core.
    spin = "x = 0\nfor i in range(6_000_000):\n    x += i"
    spinners = ("import subprocess, sys\n"
                "runs = [subprocess.Popen([sys.executable, '-c', {spin!r}]) for _ in range({count})]\n"
                "sys.exit(max(run.wait() for run in runs))")
    calibration = [Variant(f"{count} CPU-bound", [PYTHON, "-c", spinners.format(spin=spin, count=count)], work)
                   for count in (1, 2)]
    # No warm-up round of the whole class (tens of seconds each): a class of one
    # student, graded both ways, fills the bytecode cache and the file cache instead.
    one = work / "class_of_one"
    shutil.copytree(submissions / min(os.listdir(submissions)), one / "s00")
    for variant in variants:
        run_once(Variant(variant.name, [part.replace(str(submissions), str(one)) for part in variant.cmd],
                         variant.cwd, ok=(0, 1)))
    for variant in variants:
        CPU.pop(variant.name, None)
    times = interleaved("5 grading", variants + calibration, repeats, warmup=0)
    row = ratio_row(f"5. batch grading, {CLASS_SIZE} submissions x 5 checks (no performance): serial vs -n 2 "
                    "(speed-up)",
                    times, "serial", "-n 2", 1.7, at_most=False)
    # CPU seconds of the whole process tree: how far from CPU-bound a run was. On a
    # machine shared with other load, wall time above CPU time is time spent waiting
    # for a core, and the speed-up -n 2 can show is capped by the cores left free.
    row.a += f" (CPU {statistics.median(CPU['serial']):.1f} s)"
    row.b += f" (CPU {statistics.median(CPU['-n 2']):.1f} s)"
    throughput = [2 * one / two for one, two in zip(times["1 CPU-bound"], times["2 CPU-bound"])]
    calibrated = Row("5'. calibration: 2 CPU-bound processes at once vs 1, throughput (the most -n 2 can gain now)",
                     f"2 at once: {seconds(times['2 CPU-bound'])}", f"1 alone: {seconds(times['1 CPU-bound'])}",
                     ratio_cell(throughput), "(info: 2.00x on 2 free cores)", "-")
    return [row, calibrated]


# -------------------------------------------------------------------- main ---

def machine_line() -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("pytest", "hypothesis", "pytest-xdist"))
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"Machine: Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}, "
            f"{platform.system()} {platform.release()}; {versions}; load average {load}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a few minutes)")
    parser.add_argument("--only", default="1,2,3,4,5", help="comma-separated measures to run (default: all)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run every command with PYTHONDONTWRITEBYTECODE=1 and no cache (see bytecode_env)")
    options = parser.parse_args()
    only = {part.strip() for part in options.only.split(",")}
    if importlib.util.find_spec("pytest_kata") is None:
        print(f"{PYTHON} does not have pytest-kata; run this with the dev venv's python", file=sys.stderr)
        return 2
    # Repeats (rounds of interleaved runs, after one warm-up run per variant).
    repeats = {"overhead": 4, "collection": 4, "idle": 8, "grading": 1} if options.quick else \
              {"overhead": 12, "collection": 10, "idle": 30, "grading": 2}

    started = time.perf_counter()
    start_line = machine_line()
    rows: list[Row] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kata-bench-") as temp:
        work = Path(temp)
        EXTRA_ENV.update({"PYTHONDONTWRITEBYTECODE": "1"} if options.no_bytecode_cache else bytecode_env(work))
        katas, solutions = copy_shipped(work)
        plan = [
            ({"1", "2"}, "overhead", lambda: measure_overhead(work, katas, solutions, repeats["overhead"])),
            ({"3"}, "collection", lambda: measure_collection(work, repeats["collection"])),
            ({"4"}, "idle", lambda: measure_idle(work, repeats["idle"])),
            ({"5"}, "grading", lambda: measure_grading(work, katas, repeats["grading"])),
        ]
        for keys, name, run in plan:
            if not keys & only:
                continue
            progress(f"measure: {name}")
            try:
                rows.extend(run())
            except BenchError as problem:
                failures.append(str(problem))
                rows.append(Row(name, "-", "-", "-", "-", "error (see below)"))

    elapsed = time.perf_counter() - started
    mode = ("--quick" if options.quick else "full") + (", no bytecode cache" if options.no_bytecode_cache else "")
    print(f"# pytest-kata benchmarks ({mode} run, {elapsed / 60:.1f} min)\n")
    print(start_line)
    print(f"Repeats (interleaved rounds after one warm-up each): {repeats}; load average at the end "
          f"{' '.join(f'{value:.2f}' for value in os.getloadavg())}\n")
    print("| measure | variant A | variant B | ratio | target | met? |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row.measure} | {row.a} | {row.b} | {row.ratio} | {row.target} | {row.met} |")
    for failure in failures:
        print(f"\nerror: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
