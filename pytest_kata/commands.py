"""Commands that answer and exit instead of running katas: ``--kata-hint``, ``--kata-reset``
and ``--kata-new``."""
from __future__ import annotations

import pytest

from . import progress
from .rounds import find_katas
from .settings import KataSettings


def show_hints(settings: KataSettings, rootdir, kata_id: str) -> int:
    katas = {entry.id: entry for entry in find_katas(settings.paths, rootdir)}
    entry = katas.get(kata_id)
    if entry is None:
        print(f"kata: no kata named {kata_id!r}; the katas are: {', '.join(katas) or 'none'}")
        return pytest.ExitCode.USAGE_ERROR
    if not entry.hints:
        print(f"{kata_id} has no hints; its statement is in {entry.folder / 'kata.toml'}")
        return pytest.ExitCode.OK
    data, warning = progress.read(settings.progress)
    if warning:
        print(warning)
    record = data["katas"].get(kata_id)
    unlocked = progress.hints_unlocked(record, len(entry.hints))
    if unlocked == 0:
        print(f"No hint for {kata_id} yet: run `pytest --kata` and give it a go first.")
        return pytest.ExitCode.OK
    for number, hint in enumerate(entry.hints[:unlocked], start=1):
        print(f"Hint {number} of {len(entry.hints)}: {hint}")
    if unlocked < len(entry.hints):
        runs = record["failing_runs"] if record else 0
        wait = 3 - (runs - 1) % 3
        print(f"The next hint unlocks after {wait} more failing run{'s' if wait > 1 else ''}.")
    return pytest.ExitCode.OK


def reset(settings: KataSettings, kata_id: str) -> int:
    """Clear one kata's progress, or all of it when ``kata_id`` is empty."""
    with progress.locked(settings.progress):
        data, warning = progress.read(settings.progress)
        if warning:
            print(warning)
        if kata_id:
            if kata_id not in data["katas"]:
                print(f"kata: no progress recorded for {kata_id!r}; nothing cleared")
                return pytest.ExitCode.OK
            del data["katas"][kata_id]
            cleared = [kata_id]
        else:
            cleared = sorted(data["katas"])
            data = progress.empty()
        progress.write(settings.progress, data)
    what = ", ".join(cleared) if cleared else "nothing was recorded"
    print(f"kata: cleared progress in {settings.progress}: {what}")
    return pytest.ExitCode.OK


def new_kata(settings: KataSettings, kata_id: str, kind: str) -> int:
    from .errors import KataError
    from .scaffold import scaffold

    try:
        folder = scaffold(settings.paths[0], kata_id, kind)
    except KataError as problem:
        print(f"kata: {problem}")
        return pytest.ExitCode.USAGE_ERROR
    print(f"kata: created {folder}; edit its kata.toml, then run `pytest --kata -k {kata_id}`")
    return pytest.ExitCode.OK
