"""The worker process that runs a learner's code, away from pytest.

Run as a script (``python -I worker.py REQUEST_FD ANSWER_FD CPU_SECONDS MEMORY_BYTES``),
it imports nothing of pytest, Hypothesis or pytest_kata: whatever the learner's
module patches stays in this process. Requests and answers are JSON lines on two
pipes of their own, so the learner's prints (which go to file descriptors 1 and
2) never mix with them. Values cross as plain data only (see :func:`encode`);
the trusted side decodes them strictly and never unpickles anything.

The codec lives here so that both sides share one definition; the trusted side
imports this module for it.
"""
from __future__ import annotations

import json
import os
import sys
import traceback
import types
from typing import Any

# Ints longer than this many bits travel as hex: str() of a huge int is refused
# by Python (the 4300-digit limit) and slow.
_HEX_BITS = 4000


class NotPlainData(TypeError):
    """A value that is not None, bool, int, float, str, list, tuple or dict."""


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data, keeping tuples and non-string keys; exact types only.

    A subclass of int or list (which could lie about equality) is refused.
    """
    kind = type(value)
    if value is None or kind in (bool, float, str):
        return value
    if kind is int:
        return {"$int": hex(value)} if value.bit_length() > _HEX_BITS else value
    if kind is list:
        return [encode(item) for item in value]
    if kind is tuple:
        return {"$tuple": [encode(item) for item in value]}
    if kind is dict:
        return {"$dict": [[encode(key), encode(item)] for key, item in value.items()]}
    raise NotPlainData(f"a {kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins"
                       else f"a {kind.__name__}")


def decode(data: Any) -> Any:
    """The inverse of :func:`encode`; anything else raises ``ValueError``."""
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(item) for item in data]
    if type(data) is dict and len(data) == 1:
        (tag, inner), = data.items()
        if tag == "$int" and type(inner) is str:
            return int(inner, 16)
        if tag == "$tuple" and type(inner) is list:
            return tuple(decode(item) for item in inner)
        if tag == "$dict" and type(inner) is list and all(type(p) is list and len(p) == 2 for p in inner):
            return {decode(key): decode(item) for key, item in inner}
    raise ValueError("not an encoded value")


def _learner_traceback(exc: BaseException, path: str, shown: str) -> str:
    summary = traceback.TracebackException.from_exception(exc)
    own = [frame for frame in summary.stack if frame.filename == path]
    for frame in own:
        frame.filename = shown
    summary.stack = traceback.StackSummary.from_list(own)
    lines = summary.format(chain=False) if own else summary.format_exception_only()
    return "".join(lines).rstrip("\n")


class _Worker:
    def __init__(self, requests: int, answers: int) -> None:
        self.requests = os.fdopen(requests, "r", encoding="utf-8")
        self.answers = os.fdopen(answers, "w", encoding="utf-8")
        self.function = None
        self.path = self.shown = ""

    def answer(self, **message: Any) -> None:
        self.answers.write(json.dumps(message) + "\n")
        self.answers.flush()

    def load(self, path: str, shown: str, function: str) -> None:
        self.path, self.shown = path, shown
        try:
            with open(path, encoding="utf-8-sig") as handle:
                source = handle.read()
            code = compile(source, path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            where = f"line {exc.lineno}" if exc.lineno else "somewhere"
            detail = ""
            if exc.text:
                caret = " " * max((exc.offset or 1) - 1, 0) + "^"
                detail = f"\n    {exc.text.rstrip()}\n    {caret}"
            return self.answer(failure=f"{shown} has a syntax error at {where}: {exc.msg}{detail}")
        except (OSError, UnicodeDecodeError) as exc:
            return self.answer(failure=f"{shown} cannot be read: {exc}")
        module = types.ModuleType("solution")
        module.__file__ = path
        sys.modules["solution"] = module  # @dataclass and friends look their module up here
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a verdict too
            return self.answer(failure=f"{shown} raised {type(exc).__name__} while being loaded:\n"
                                       + _learner_traceback(exc, path, shown))
        found = getattr(module, function, None)
        if not callable(found):
            return self.answer(failure=f"{shown} does not define a function named {function}()")
        self.function = found
        self.answer(ok=True)

    def call(self, args: list) -> None:
        try:
            result = self.function(*decode(args))
        except MemoryError:
            return self.answer(memory=True)
        except BaseException as exc:  # noqa: BLE001 - exits and interrupts are verdicts
            return self.answer(raised=_learner_traceback(exc, self.path, self.shown))
        try:
            encoded = encode(result)
        except NotPlainData as exc:
            return self.answer(unplain=str(exc))
        except RecursionError:
            return self.answer(unplain="a value nested too deeply")
        self.answer(ok=encoded)

    def serve(self) -> None:
        for line in self.requests:
            request = json.loads(line)
            if request["op"] == "load":
                self.load(request["path"], request["shown"], request["function"])
            else:
                self.call(request["args"])


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    import resource

    # The soft limit sends SIGXCPU; the hard one, a second later, SIGKILL.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    if memory_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def main(argv: list[str]) -> None:
    requests, answers, cpu_seconds, memory_bytes = (int(value) for value in argv[1:5])
    _limit(cpu_seconds, memory_bytes)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    _Worker(requests, answers).serve()


if __name__ == "__main__":
    main(sys.argv)
