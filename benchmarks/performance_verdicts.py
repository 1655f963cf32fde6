"""The performance check's verdicts, run after run, with one core kept busy.

    python benchmarks/performance_verdicts.py [--runs 20]

For each solution of count_even_odd (the worked Fenwick tree, an iterative and a
recursive segment tree, a square-root decomposition, the naive scan from
katas/count_even_odd/bad/), runs the performance check RUNS times with a new
seed each time while another process spins on one core, and prints the verdicts
with the check's own time (from JUnit XML). Required: Fenwick and both segment
trees always pass; the naive scan always fails, within 3 s.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "performance_solutions"
REQUIRED = {"fenwick": "passed", "segment_tree": "passed", "segment_tree_recursive": "passed",
            "naive_scan": "failed"}


def solutions(work: Path) -> dict[str, Path]:
    found = {}
    for name, source in [("fenwick", ROOT / "examples/solutions/count_even_odd/solution.py"),
                         ("naive_scan", ROOT / "katas/count_even_odd/bad/naive_scan.py")]:
        target = work / name / "count_even_odd" / "solution.py"
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
        found[name] = work / name
    for folder in sorted(HERE.iterdir()):
        found[folder.name] = folder
    return found


def run_once(katas: Path, folder: Path, seed: int, work: Path) -> tuple[str, float, str]:
    report, junit = work / "report.json", work / "junit.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", "--kata", f"--kata-path={katas}", f"--kata-solutions={folder}",
         "-k", "performance", f"--kata-seed={seed}", f"--kata-json={report}", f"--junitxml={junit}",
         "-p", "no:cacheprovider", "-q"],
        cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    check = json.loads(report.read_text())["katas"][0]["checks"][0]
    seconds = float(next(ElementTree.parse(junit).getroot().iter("testcase")).get("time"))
    return check["status"], seconds, check["message"] or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-load", action="store_true", help="do not keep a core busy")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        katas = work / "katas"
        katas.mkdir()
        shutil.copytree(ROOT / "katas/count_even_odd", katas / "count_even_odd")
        variants = solutions(work / "solutions")
        spinner = None if options.no_load else subprocess.Popen([sys.executable, "-c", "while True: pass"])
        results: dict[str, list[tuple[str, float, str]]] = {name: [] for name in variants}
        try:
            for run in range(options.runs):
                for name, folder in variants.items():  # interleaved: every variant sees the same load
                    results[name].append(run_once(katas, folder, 1000 + run, work))
        finally:
            if spinner is not None:
                spinner.kill()
    print(f"performance check, count_even_odd, {options.runs} runs, "
          f"{'one core busy' if not options.no_load else 'no extra load'}; "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print("| solution | passed | failed | check time median (max) | required | met? | example message |")
    print("|---|---|---|---|---|---|---|")
    ok = True
    for name, outcomes in results.items():
        statuses = [status for status, _, _ in outcomes]
        times = sorted(seconds for _, seconds, _ in outcomes)
        required = REQUIRED.get(name, "-")
        met = required == "-" or all(status == required for status in statuses)
        if name == "naive_scan":
            met = met and max(times) <= 3.0
        ok = ok and met
        message = outcomes[-1][2].split(". The kata")[0][:110]
        print(f"| {name} | {statuses.count('passed')} | {statuses.count('failed')} | "
              f"{times[len(times) // 2]:.2f} s ({times[-1]:.2f} s) | {required} | {'yes' if met else 'NO'} | {message} |")
    return 0 if ok else 1


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - start:.0f} s)")
    raise SystemExit(code)
