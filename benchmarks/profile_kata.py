#!/usr/bin/env python
"""Where the time of measures 1, 2, 3 and 4 goes: cProfile and -X importtime, summarised.

    python benchmarks/profile_kata.py [--keep DIR]

For each scenario it runs the command once to warm the bytecode cache, then
once under `python -m cProfile -o`, and prints: the run's total, the time in
Hypothesis's engine, pytest-kata's own time (self time of functions in
pytest_kata/), and pytest-kata's functions with the most cumulative and self
time. The sandboxed scenario's parent process mostly waits for the worker in
select(); what it waits for is split out by the Worker methods' cumulative times.
With --keep DIR the .prof files stay in DIR (open them with pstats or snakeviz).
"""
from __future__ import annotations

import argparse
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench

KATA_DIR = str(bench.REPO / "pytest_kata") + "/"


def profile(name: str, args: list[str], cwd: Path, out: Path, env: dict[str, str]) -> pstats.Stats:
    full_env = bench.clean_env(env)
    subprocess.run([bench.PYTHON, "-m", "pytest", *args], cwd=cwd, env=full_env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm the bytecode cache
    path = out / f"{name}.prof"
    subprocess.run([bench.PYTHON, "-m", "cProfile", "-o", str(path), "-m", "pytest", *args], cwd=cwd,
                   env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return pstats.Stats(str(path))


def where(key: tuple[str, int, str]) -> str:
    filename, line, function = key
    if filename.startswith(KATA_DIR):
        filename = "pytest_kata/" + filename[len(KATA_DIR):]
    elif "site-packages/" in filename:
        filename = filename.split("site-packages/", 1)[1]
    return f"{filename}:{line}({function})"


def summarise(name: str, stats: pstats.Stats, top: int = 12, watch: tuple[str, ...] = ()) -> None:
    entries = stats.stats  # {(file, line, function): (primitive calls, calls, self, cumulative, callers)}
    total = stats.total_tt
    own = {key: value for key, value in entries.items() if key[0].startswith(KATA_DIR)}
    own_self = sum(value[2] for value in own.values())
    engine = max((value[3] for key, value in entries.items()
                  if key[0].endswith("hypothesis/core.py") and key[2] == "run_engine"), default=0.0)
    print(f"\n## {name}\n")
    print(f"total {total:.3f} s; Hypothesis engine (run_engine, incl. the test function) {engine:.3f} s; "
          f"pytest-kata self time {own_self:.3f} s ({own_self / total:.1%})")
    for label, column in (("cumulative", 3), ("self", 2)):
        print(f"\npytest-kata functions by {label} time:")
        for key, value in sorted(own.items(), key=lambda item: -item[1][column])[:top]:
            print(f"  {value[column]:8.3f} s  {value[1]:7d} calls  {where(key)}")
    if watch:
        print("\nwatched functions (cumulative):")
        shown = [(key, value) for key, value in sorted(entries.items(), key=lambda item: -item[1][3])
                 if any(pattern in where(key) for pattern in watch) and value[3] >= 0.01 * total]
        for key, value in shown[:top]:
            print(f"  {value[3]:8.3f} s  {value[1]:7d} calls  {where(key)}")


def importtime(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    """The modules pytest-kata and Hypothesis bring in, from -X importtime (self time, summed).

    `-s`: pytest's capture would otherwise swallow what -X importtime writes to
    file descriptor 2 once capturing has started.
    """
    subprocess.run([bench.PYTHON, "-m", "pytest", *args], cwd=cwd, env=bench.clean_env(env),
                   check=False, capture_output=True)  # warm the bytecode cache
    done = subprocess.run([bench.PYTHON, "-X", "importtime", "-m", "pytest", "-s", *args], cwd=cwd,
                          env=bench.clean_env(env), check=False, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, _, name = line.split(":", 1)[1].split("|")
        rows.append((int(self_us), name.strip()))
    total = sum(row[0] for row in rows)
    print(f"  all imports: {len(rows)} modules, {total / 1000:.1f} ms")
    for prefix in ("pytest_kata", "_hypothesis", "hypothesis", "xdist", "execnet"):
        mine = sorted((row for row in rows if row[1] == prefix or row[1].startswith(prefix)), reverse=True)
        if not mine:
            print(f"  {prefix}: not imported")
            continue
        heaviest = ", ".join(f"{name} {micros / 1000:.1f}" for micros, name in mine[:4])
        print(f"  {prefix}*: {len(mine)} modules, {sum(row[0] for row in mine) / 1000:.1f} ms self "
              f"(heaviest, ms: {heaviest})")


def worker_costs(work: Path, katas: Path, solutions: Path, env: dict[str, str]) -> None:
    """The sandbox's fixed and per-call costs, timed in a fresh process through pytest_kata.sandbox."""
    script = f"""
import statistics, subprocess, sys, time
from pathlib import Path
from pytest_kata.sandbox import Limits, Worker
solution = Path({str(solutions / "count_even_odd" / "solution.py")!r})
hidden = (Path({str(katas)!r}),)
def timed(read_only):
    start = time.perf_counter()
    worker = Worker(solution, "solution.py", "count_even_odd", Limits(), Path({str(work)!r}), hidden, read_only)
    started = time.perf_counter()
    for _ in range(100):
        worker.call(([1, 2, 3, 4, 5], [(1, 0, 4), (2, 1, 3)]))
    called = time.perf_counter()
    worker.close()
    return started - start, (called - started) / 100, time.perf_counter() - called, worker.isolation
def python(*flags):
    start = time.perf_counter()
    subprocess.run([sys.executable, *flags, "-c", "pass"], check=True)
    return time.perf_counter() - start
for read_only in (False, True):
    runs = [timed(read_only) for _ in range(9)]
    print(f"  Worker start (spawn, confine, load): {{statistics.median(r[0] for r in runs) * 1000:.1f}} ms; "
          f"one call: {{statistics.median(r[1] for r in runs) * 1000:.2f}} ms; "
          f"close: {{statistics.median(r[2] for r in runs) * 1000:.1f}} ms  [{{runs[0][3]}}]")
for flags in (("-I",), ("-I", "-S")):
    print(f"  bare `python {{' '.join(flags)}} -c pass`: {{statistics.median(python(*flags) for _ in range(9)) * 1000:.1f}} ms")
"""
    done = subprocess.run([bench.PYTHON, "-c", script], cwd=work, env=bench.clean_env(env),
                          check=False, capture_output=True, text=True)
    print(done.stdout.rstrip() or done.stderr[-2000:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, default=None, help="keep the .prof files in this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kata-profile-") as temp:
        work = Path(temp)
        out = options.keep or work
        out.mkdir(parents=True, exist_ok=True)
        env = bench.bytecode_env(work)
        bench.EXTRA_ENV.update(env)
        katas, solutions = bench.copy_shipped(work)
        common = ["--kata", f"--kata-path={katas}", f"--kata-solutions={solutions}", "-p", "no:cacheprovider",
                  "-q", "-k", "count_even_odd and (examples or generated)"]
        summarise("1. count_even_odd in-process", profile("inprocess", [*common, "--kata-in-process"],
                                                            bench.REPO, out, env))
        summarise("2. count_even_odd sandboxed (the pytest process)",
                  profile("sandboxed", common, bench.REPO, out, env),
                  watch=("sandbox.py", "select.select", "subprocess.py", "threading.py:1"))
        collection = bench.make_collection(work, 1000)
        summarise("3. --collect-only, 1000 katas", profile(
            "collect1000", ["--kata", f"--kata-path={collection}", "--collect-only", "-q", "-p", "no:cacheprovider"],
            work, out, env), watch=("tomllib", "definition.py", "_pytest/nodes.py", "_pytest/main.py"))
        print("\n## 2. the sandbox's costs (count_even_odd's worked solution, 9 runs, medians)\n")
        worker_costs(work, katas, solutions, env)
        suite = bench.make_test_suite(work)
        print("\n## 4. imports of a plain `pytest -q` on 200 tests (-X importtime)\n")
        importtime(["-q"], suite, env)
        print("\n## imports of a kata run (count_even_odd, in-process; -X importtime)\n")
        importtime([*common, "--kata-in-process"], bench.REPO, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
