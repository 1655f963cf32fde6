"""Loading a kata's files by path, for the hand-written baselines.

The baselines are what a person would write without pytest-kata: import the
worked solution, the reference and the kata's strategies by file path, and
compare them with Hypothesis. ``benchmarks/run.py`` points them at a temporary
copy of the katas and solutions through two environment variables; by default
they use the repository's own.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import tomllib

REPO = Path(__file__).resolve().parents[2]
KATAS = Path(os.environ.get("KATA_BENCH_KATAS", REPO / "katas"))
SOLUTIONS = Path(os.environ.get("KATA_BENCH_SOLUTIONS", REPO / "examples" / "solutions"))


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def kata_toml(kata_id: str) -> dict:
    with open(KATAS / kata_id / "kata.toml", "rb") as file:
        return tomllib.load(file)
