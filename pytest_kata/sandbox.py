"""Running the learner's function in a worker process, with limits, and naming what went wrong.

The trusted (pytest) process starts one worker per check and sends it inputs
one call at a time, so Hypothesis can still shrink. Each call comes back as an
:class:`Answer`: a value, a traceback the learner's code raised, or a *fatal*
verdict (time, memory, an exit, a crash) after which the worker is gone.
"""
from __future__ import annotations

import json
import os
import shutil
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import worker as codec

WORKER_SCRIPT = Path(codec.__file__)
MAX_ANSWER_BYTES = 256 * 2**20  # one answer line; a result list of 10^5 numbers is well under 1 MiB
MAX_TEXT = 8192  # characters of a traceback or message the learner's code controls


def _capped(text: object) -> str:
    text = str(text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + f"\n[... {len(text) - MAX_TEXT} more characters]"


@dataclass(frozen=True)
class Limits:
    call_seconds: float = 2.0  # wall clock, per call
    check_seconds: float = 120.0  # wall clock, for all the calls of one check
    load_seconds: float = 10.0  # wall clock, for loading the solution file
    cpu_seconds: int = 20  # CPU time of the worker, per check
    memory_mib: int = 512  # address space of the worker
    output_bytes: int = 8192  # learner output kept for the report; the rest is read and dropped


@dataclass(frozen=True)
class Answer:
    value: Any = None
    raised: str | None = None  # the learner's traceback
    unplain: str | None = None  # what the function returned instead of plain data
    fatal: str | None = None  # why the worker cannot answer any more
    blank: int | None = None  # a card stopped at an unfilled blank on this line
    calls: int | None = None  # when counted: how often the function was entered during the call


class _Output:
    """Drains the worker's stdout and stderr so it never blocks, keeping the first bytes."""

    def __init__(self, stream, limit: int) -> None:
        self.kept = bytearray()
        self.dropped = 0
        self.limit = limit
        self.thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self.thread.start()

    def _drain(self, stream) -> None:
        while True:
            chunk = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
            if not chunk:
                return
            room = self.limit - len(self.kept)
            self.kept += chunk[:max(room, 0)]
            self.dropped += max(len(chunk) - max(room, 0), 0)

    def text(self) -> str:
        self.thread.join(timeout=1)
        shown = self.kept.decode("utf-8", "replace")
        if self.dropped:
            shown += f"\n[... {self.dropped} more bytes of output not shown]"
        return shown


# Only what a Python program needs to run: nothing that lets code write into the
# CI system's files (GITHUB_STEP_SUMMARY, GITHUB_ENV, ...) or reach its secrets.
_KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT")


def _worker_environment() -> dict[str, str]:
    kept = {name: os.environ[name] for name in _KEPT_ENVIRONMENT if name in os.environ}
    kept["PYTHONDONTWRITEBYTECODE"] = "1"
    return kept


# From strongest to weakest; a report names the weakest that any check ran under.
ISOLATION_LEVELS = (
    "process, no network, kata folders hidden, files read-only",
    "process, no network, kata folders hidden",
    "process, no network",
    "process",
    "none (in process)",
)


def weakest(levels) -> str | None:
    known = [level for level in levels if level in ISOLATION_LEVELS]
    return max(known, key=ISOLATION_LEVELS.index) if known else None


class Worker:
    """One worker process holding one loaded solution."""

    def __init__(self, solution: Path, shown: str, function: str, limits: Limits, cwd: Path,
                 hidden: tuple[Path, ...] = (), read_only: bool = False, exact: bool = False,
                 wait: bool = True, defer_load: bool = False) -> None:
        self.limits = limits
        self.fatal: str | None = None
        self._check_deadline = time.monotonic() + limits.check_seconds
        request_read, self._request_write = os.pipe()
        self._answer_read, answer_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-u", str(WORKER_SCRIPT), str(request_read), str(answer_write),
             str(limits.cpu_seconds), str(limits.memory_mib * 1024 * 1024)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            pass_fds=(request_read, answer_write), cwd=str(cwd), start_new_session=True,
            env=_worker_environment(),
        )
        os.close(request_read)
        os.close(answer_write)
        os.set_blocking(self._request_write, False)  # writes wait in select, under a deadline
        self.output = _Output(self.process.stdout, limits.output_bytes)
        self._buffer = b""
        self.isolation: str | None = None
        self.load_failure: str | None = None
        # The scratch folder becomes the code's only writable place when files are read-only.
        self._scratch = tempfile.mkdtemp(prefix="kata-worker-") if read_only else ""
        self._load_request = {"op": "load", "path": str(solution), "shown": shown, "function": function,
                              "hidden": [str(folder) for folder in hidden], "scratch": self._scratch,
                              # Where rules read the function, what runs must be that very def.
                              "exact": exact}
        self._load_deadline: float | None = None
        self._loaded = False
        if defer_load:
            return  # the caller sends something first (store), then start_load()
        self.start_load()
        if wait:
            self.ready()

    def start_load(self) -> None:
        """Ask the worker to load the learner's code (once)."""
        if self._load_request is not None:
            self._load_deadline = self._send(self._load_request, self.limits.load_seconds)
            self._load_request = None

    def ready(self) -> None:
        """Wait for the load to be answered (``wait=False`` lets the caller work meanwhile)."""
        if self._loaded:
            return
        self.start_load()
        self._loaded = True
        answer = None if self._load_deadline is None else self._receive(self._load_deadline,
                                                                          self.limits.load_seconds)
        self.load_failure = _capped(answer["failure"]) if answer is not None and "failure" in answer else None
        self.isolation = str(answer["isolation"]) if answer is not None and "isolation" in answer else None

    def store(self, args: tuple, seconds: float) -> Answer:
        """Send a large input once; :meth:`run_stored` then calls the function on fresh copies."""
        if self.fatal is not None:
            return Answer(fatal=self.fatal)
        payload = json.dumps(codec.encode(tuple(args)))
        answer = self._ask({"op": "store"}, seconds, then=payload)
        return Answer(fatal=self.fatal) if answer is None else Answer(value=None)

    def program(self, text: str) -> Answer:
        """Run the loaded program on ``text`` as its standard input; ``value`` is its output."""
        if self.fatal is not None:
            return Answer(fatal=self.fatal)
        return self._value(self._ask({"op": "program", "input": text}, self.limits.call_seconds))

    def run_stored(self, seconds: float) -> Answer:
        return self._value(self._ask({"op": "run"}, seconds))

    def call(self, args: tuple, count: bool = False) -> Answer:
        """Call the function on ``args``; ``count``: also say how often it was entered."""
        if self.fatal is not None:
            return Answer(fatal=self.fatal)
        try:
            request = {"op": "call", "args": codec.encode(tuple(args)), "count": count}
        except codec.NotPlainData as exc:  # pragma: no cover - the kata's strategies are at fault
            raise ValueError(f"a generated input is not plain data: {exc}") from None
        return self._value(self._ask(request, self.limits.call_seconds))

    def _value(self, answer: dict | None) -> Answer:
        if answer is None:
            return Answer(fatal=self.fatal)
        if "ok" in answer:
            try:
                calls = answer.get("calls")
                return Answer(value=codec.decode(answer["ok"]), calls=calls if type(calls) is int else None)
            except Exception:  # ValueError, RecursionError, MemoryError: a worker that lies
                return self._die("sent back something that is not a value")
        if "raised" in answer:
            return Answer(raised=_capped(answer["raised"]))
        if answer.get("memory"):
            return self._die(f"memory limit {self.limits.memory_mib} MiB exceeded")
        if "unplain" in answer:
            return Answer(unplain=_capped(answer["unplain"]))
        return self._die("sent back something that is not a value")

    def card(self, answers: tuple[str, ...]) -> Answer:
        """Run the loaded card once; ``value`` is True when it passed."""
        if self.fatal is not None:
            return Answer(fatal=self.fatal)
        answer = self._ask({"op": "card", "answers": list(answers)}, self.limits.call_seconds)
        if answer is None:
            return Answer(fatal=self.fatal)
        if answer.get("ok") is True:
            return Answer(value=True)
        if type(answer.get("blank")) is int:
            return Answer(blank=answer["blank"])
        if "raised" in answer:
            return Answer(raised=_capped(answer["raised"]))
        if answer.get("memory"):
            return self._die(f"memory limit {self.limits.memory_mib} MiB exceeded")
        return self._die("sent back something that is not a verdict")

    def _ask(self, request: dict, seconds: float, then: str = "") -> dict | None:
        deadline = self._send(request, seconds, then)
        return None if deadline is None else self._receive(deadline, seconds)

    def send_call(self, args: tuple) -> None:
        """The first half of :meth:`call`: the worker starts on ``args`` while this process
        does something else (computes the reference); :meth:`receive_call` gets the answer."""
        self._pending: float | None = None
        if self.fatal is None:
            self._pending = self._send({"op": "call", "args": codec.encode(tuple(args))}, self.limits.call_seconds)

    def receive_call(self) -> Answer:
        if self._pending is None:
            return Answer(fatal=self.fatal)
        return self._value(self._receive(self._pending, self.limits.call_seconds))

    def _send(self, request: dict, seconds: float, then: str = "") -> float | None:
        """Write one request; the deadline of its answer, or None if the worker is gone."""
        if self.fatal is not None:
            return None
        deadline = min(time.monotonic() + seconds, self._check_deadline)
        view = memoryview((json.dumps(request) + "\n" + (then + "\n" if then else "")).encode())
        try:
            while view:  # a large request takes several writes; a stopped worker must not hang us
                left = deadline - time.monotonic()
                _, ready, _ = select.select([], [self._request_write], [], max(left, 0))
                if not ready:
                    self._die(f"time limit {seconds:g} s exceeded (it stopped reading its input)")
                    return None
                try:
                    view = view[os.write(self._request_write, view):]
                except BlockingIOError:
                    continue
        except (BrokenPipeError, OSError):
            self._die_from_exit()
            return None
        return deadline

    def _receive(self, deadline: float, seconds: float) -> dict | None:
        buffer = bytearray(self._buffer)
        end = buffer.find(b"\n")
        while end < 0:
            left = deadline - time.monotonic()
            # An answer already waiting counts, even if this process was busy past the deadline.
            ready, _, _ = select.select([self._answer_read], [], [], max(left, 0))
            if not ready:
                if left > 0:
                    continue
                if deadline == self._check_deadline:
                    self._die(f"check time limit {self.limits.check_seconds:g} s exceeded")
                else:
                    self._die(f"time limit {seconds:g} s exceeded")
                return None
            chunk = os.read(self._answer_read, 1 << 20)
            if not chunk:
                self._die_from_exit()
                return None
            searched = len(buffer)
            buffer += chunk
            if len(buffer) > MAX_ANSWER_BYTES:
                self._die(f"sent back an answer over {MAX_ANSWER_BYTES // 2**20} MiB")
                return None
            end = buffer.find(b"\n", searched)
        line, self._buffer = bytes(buffer[:end]), bytes(buffer[end + 1:])
        try:
            answer = json.loads(line)
        except Exception:  # ValueError, RecursionError, MemoryError: a worker that lies
            answer = None
        if not isinstance(answer, dict):
            self._die("sent back something that is not a value")
            return None
        return answer

    def _die_from_exit(self) -> None:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._die("stopped answering")
            return
        if code >= 0:
            self.fatal = f"exited with code {code} before answering"
        elif -code == getattr(signal, "SIGXCPU", -1):
            self.fatal = f"CPU time limit {self.limits.cpu_seconds} s exceeded"
        else:
            name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
            hint = " (a crash; runaway recursion?)" if name in ("SIGSEGV", "SIGBUS", "SIGABRT") else ""
            self.fatal = f"was killed by signal {name}{hint}"
        self.close()

    def _die(self, verdict: str) -> Answer:
        self.fatal = verdict
        self.close()
        return Answer(fatal=verdict)

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # the worker and anything it started
            except ProcessLookupError:
                pass
            self.process.wait()
        for fd in (self._request_write, self._answer_read):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.process.stdout is not None:
            self.output.thread.join(timeout=1)  # every writer is gone: the drain ends at EOF
            self.process.stdout.close()
        self._request_write = self._answer_read = -1
        if getattr(self, "_scratch", ""):
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = ""

    def output_text(self) -> str:
        """What the learner's code printed; ends the worker, so call it once the check is decided."""
        self.close()
        return self.output.text()
