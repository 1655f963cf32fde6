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

import builtins
import contextlib
import json
import linecache
import os
import signal
import sys
import traceback
import types
from typing import Any

# Ints longer than this many bits travel as hex: str() of a huge int is refused
# by Python (the 4300-digit limit) and slow.
_HEX_BITS = 4000
_MAX_TEXT = 8192  # characters of a traceback or message sent back
_MAX_PRINTED = 32 * 2**20  # bytes a program may print for one input


# Taken before any learner code runs.
_BUILTINS = dict(builtins.__dict__)
_dumps, _loads = json.dumps, json.loads


@contextlib.contextmanager
def _original_builtins():
    """The learner may patch builtins (isinstance, len, ...) that json and the codec
    rely on: speak the protocol with the originals, then put their patches back."""
    patched = dict(builtins.__dict__)
    builtins.__dict__.update(_BUILTINS)
    try:
        yield
    finally:
        builtins.__dict__.clear()
        builtins.__dict__.update(patched)


class NotPlainData(TypeError):
    """A value that is not None, bool, int, float, str, list, tuple or dict."""


def _small_ints(items) -> bool:
    items = list(items)
    return {type(item) for item in items} <= {int} and (not items or max(map(abs, items)).bit_length() <= _HEX_BITS)


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data, keeping tuples and non-string keys; exact types only.

    A subclass of int or list (which could lie about equality) is refused.
    """
    kind = type(value)
    if value is None or kind in (bool, float, str):
        return value
    if kind is int:
        return {"$int": hex(value)} if value.bit_length() > _HEX_BITS else value
    if kind is list or kind is tuple:
        # Fast path for long sequences of small ints (the large inputs and answers):
        # they are already JSON, checked in C speed by set() and max().
        kinds = {type(item) for item in value} if len(value) >= 16 else None
        if kinds == {int} and max(map(abs, value)).bit_length() <= _HEX_BITS:
            items = list(value)
        elif kinds == {tuple} and _small_ints(item for row in value for item in row):
            items = [{"$tuple": list(row)} for row in value]  # rows of small ints: queries, pairs
        else:
            items = [encode(item) for item in value]
        return items if kind is list else {"$tuple": items}
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


def _decode_tags(data: dict) -> Any:
    """``json.loads`` hook for trusted requests: the tags of :func:`encode`, undone in C speed."""
    if len(data) == 1:
        (tag, inner), = data.items()
        if tag == "$tuple":
            return tuple(inner)
        if tag == "$int":
            return int(inner, 16)
        if tag == "$dict":
            return {key: item for key, item in inner}
    raise ValueError("not an encoded value")


def fresh_copy(value: Any) -> Any:
    """A copy of plain data that shares nothing mutable with ``value`` (tuples of
    numbers and strings are shared as they are: nothing can change them)."""
    kind = type(value)
    if kind is list:
        return [fresh_copy(item) if type(item) in (list, dict, tuple) else item for item in value]
    if kind is dict:
        return {key: fresh_copy(item) if type(item) in (list, dict, tuple) else item for key, item in value.items()}
    if kind is tuple and any(type(item) in (list, dict, tuple) for item in value):
        return tuple(fresh_copy(item) for item in value)
    return value


def learner_traceback(exc: BaseException, path: str, shown: str) -> str:
    """The traceback of ``exc`` cut down to the frames in the learner's own file."""
    summary = traceback.TracebackException.from_exception(exc)
    own = [frame for frame in summary.stack if frame.filename == path]
    for frame in own:
        frame.filename = shown
    summary.stack = traceback.StackSummary.from_list(own)
    # Raised before reaching their code (a wrong number of arguments): just the error.
    lines = summary.format(chain=False) if own else summary.format_exception_only()
    return "".join(lines).rstrip("\n")


def describe_syntax_error(exc: SyntaxError, shown: str) -> str:
    """A syntax error as a learner reads it: where, what, and the line with a caret."""
    where = f" at line {exc.lineno}" if exc.lineno else ""
    detail = ""
    if exc.text:
        caret = " " * max((exc.offset or 1) - 1, 0) + "^"
        detail = f"\n    {exc.text.rstrip()}\n    {caret}"
    return f"{shown} has a syntax error{where}: {exc.msg}{detail}"


class _Worker:
    def __init__(self, requests: int, answers: int) -> None:
        for fd in (requests, answers):
            os.set_inheritable(fd, False)  # processes the code starts get no line to the grader
        self.requests = os.fdopen(requests, "r", encoding="utf-8")
        self.answers = os.fdopen(answers, "w", encoding="utf-8")
        self.function = None
        self.stored: Any = None
        self.program: Any = None
        self.path = self.shown = ""

    def answer(self, **message: Any) -> None:
        for key in ("raised", "unplain", "failure"):
            if isinstance(message.get(key), str) and len(message[key]) > _MAX_TEXT:
                message[key] = message[key][:_MAX_TEXT] + f"\n[... {len(message[key]) - _MAX_TEXT} more characters]"
        with _original_builtins():
            self.answers.write(_dumps(message) + "\n")
            self.answers.flush()

    def load(self, path: str, shown: str, function: str, hidden: list[str], scratch: str,
             exact: bool) -> None:
        self.path, self.shown = path, shown
        isolation = "process"
        try:
            with open(path, encoding="utf-8-sig") as handle:
                source = handle.read()
            # Tracebacks still quote the learner's lines once their folder is hidden.
            linecache.cache[path] = (len(source), None, source.splitlines(True), path)
            isolation = _confine(hidden, scratch)
            code = compile(source, path, "exec", dont_inherit=True)
        except (RecursionError, MemoryError, ValueError) as exc:  # too deep, too big, a NUL byte
            return self.answer(failure=f"{shown} cannot be compiled: {type(exc).__name__}: {str(exc)[:200]}",
                               isolation=isolation)
        except SyntaxError as exc:
            return self.answer(failure=describe_syntax_error(exc, shown), isolation=isolation)
        except (OSError, UnicodeDecodeError) as exc:
            return self.answer(failure=f"{shown} cannot be read: {exc}")
        if not function:  # a program reading standard input: it runs whole, once per input
            self.program = code
            return self.answer(ok=True, isolation=isolation)
        module = types.ModuleType("solution")
        module.__file__ = path
        sys.modules["solution"] = module  # @dataclass and friends look their module up here
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a verdict too
            return self.answer(failure=f"{shown} raised {type(exc).__name__} while being loaded:\n"
                                       + learner_traceback(exc, path, shown), isolation=isolation)
        found = getattr(module, function, None)
        if not callable(found):
            return self.answer(failure=f"{shown} does not define a function named {function}()",
                               isolation=isolation)
        code = getattr(found, "__code__", None)
        if exact and (code is None or code.co_filename != path or code.co_name != function):
            # A lambda, a wrapper or a function from elsewhere bound to the name:
            # what runs must be what the rules read.
            return self.answer(failure=f"{shown}: {function} must be the function defined there "
                                       f"with 'def {function}(...)', not a {type(found).__name__} "
                                       f"made elsewhere", isolation=isolation)
        self.function = found
        self.answer(ok=True, isolation=isolation)

    def call(self, args: list, decoded: bool = False, count: bool = False) -> None:
        if not decoded:
            with _original_builtins():
                args = decode(args)
        calls = 0
        if count:  # how often the function is entered, itself included: does it recurse?
            code = self.function.__code__

            def profile(frame, event, arg):
                nonlocal calls
                if event == "call" and frame.f_code is code:
                    calls += 1
            sys.setprofile(profile)
        try:
            result = self.function(*args)
        except MemoryError:
            return self.answer(memory=True)
        except BaseException as exc:  # noqa: BLE001 - exits and interrupts are verdicts
            return self.answer(raised=learner_traceback(exc, self.path, self.shown))
        finally:
            if count:
                sys.setprofile(None)
        try:
            with _original_builtins():
                encoded = encode(result)
        except NotPlainData as exc:
            plain_outside = type(result) in (list, tuple, dict)
            return self.answer(unplain=f"a value holding {exc}" if plain_outside else str(exc))
        except RecursionError:
            return self.answer(unplain="a value nested too deeply")
        self.answer(ok=encoded, calls=calls) if count else self.answer(ok=encoded)

    def run_program(self, text: str) -> None:
        """Run the learner's program as ``__main__`` with ``text`` on its standard input;
        answer with what it wrote to its standard output.

        Input and output are real files on file descriptors 0 and 1 for the run, so
        ``open(0)``, ``sys.stdin.buffer`` and ``os.write(1, ...)`` work as on a judge."""
        import io
        import tempfile

        with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as sink:
            source.write(text.encode("utf-8"))
            source.seek(0)
            kept = os.dup(0), os.dup(1)
            os.dup2(source.fileno(), 0)
            os.dup2(sink.fileno(), 1)
            stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "rb", closefd=False)), encoding="utf-8")
            stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "wb", closefd=False)), encoding="utf-8")
            module = types.ModuleType("__main__")
            module.__file__ = self.path
            saved = sys.stdin, sys.stdout, sys.modules["__main__"]
            sys.stdin, sys.stdout, sys.modules["__main__"] = stdin, stdout, module
            failure: dict = {}
            try:
                exec(self.program, module.__dict__)
            except SystemExit as exc:  # exit() at the end is how many such programs stop
                if exc.code not in (None, 0):
                    failure = {"raised": f"the program exited with code {exc.code!r}"}
            except MemoryError:
                failure = {"memory": True}
            except BaseException as exc:  # noqa: BLE001 - the learner's exceptions are verdicts
                failure = {"raised": learner_traceback(exc, self.path, self.shown)}
            finally:
                for stream in {id(sys.stdout): sys.stdout, id(stdout): stdout}.values():
                    try:  # whatever the program left as its stdout may hold buffered text
                        stream.flush()
                    except Exception:  # noqa: BLE001 - closed or broken by the program
                        pass
                os.dup2(kept[0], 0)
                os.dup2(kept[1], 1)
                os.close(kept[0])
                os.close(kept[1])
                sys.stdin, sys.stdout, sys.modules["__main__"] = saved
            if failure:
                return self.answer(**failure)
            sink.seek(0)
            printed = sink.read(_MAX_PRINTED + 1)
        if len(printed) > _MAX_PRINTED:
            return self.answer(raised=f"the program printed more than {_MAX_PRINTED // 2**20} MiB")
        self.answer(ok=printed.decode("utf-8", "replace"))

    def card(self, answers: list) -> None:
        """Run the loaded card function with the helpers it asks for; it passes if it returns."""
        cardkit = sys.modules["pytest_kata.cardkit"]
        try:
            line = cardkit.call_card(self.function, tuple(answers), self.path)
        except cardkit.UnknownHelper as exc:
            return self.answer(raised=f"{self.shown}: {exc}")
        except MemoryError:
            return self.answer(memory=True)
        except BaseException as exc:  # noqa: BLE001 - exits and interrupts are verdicts
            return self.answer(raised=learner_traceback(exc, self.path, self.shown))
        self.answer(ok=True) if line is None else self.answer(blank=line)

    def serve(self) -> None:
        for line in self.requests:
            with _original_builtins():
                request = _loads(line)
            if request["op"] == "load":
                self.load(request["path"], request["shown"], request["function"], request["hidden"],
                          request["scratch"], request["exact"])
            elif request["op"] == "store":  # a large input, sent once for timed runs
                with _original_builtins():
                    self.stored = _loads(next(self.requests), object_hook=_decode_tags)
                self.answer(ok=None)
            elif request["op"] == "run":  # the stored input, on a fresh copy (the code may mutate it)
                with _original_builtins():
                    args = fresh_copy(self.stored)
                self.call(args, decoded=True)
            elif request["op"] == "program":
                self.run_program(request["input"])
            elif request["op"] == "card":
                self.card(request["answers"])
            else:
                self.call(request["args"], count=request.get("count") is True)


_CLONE_NEWNS, _CLONE_NEWUSER, _CLONE_NEWNET, _CLONE_NEWPID = 0x00020000, 0x10000000, 0x40000000, 0x20000000
_MS_REC, _MS_PRIVATE = 0x4000, 0x40000


_MS_RDONLY, _MS_REMOUNT, _MS_BIND = 0x1, 0x20, 0x1000


_NOBODY = 65534


def _read_only_everywhere(libc, scratch: str, owner: int) -> bool:
    """Remount every mount of our private namespace read-only, then give the code one
    writable scratch folder (a fresh tmpfs), which becomes its working directory."""
    with open("/proc/self/mountinfo") as table:
        points = [line.split()[4] for line in table]
    for point in sorted(set(points), key=len):
        flags = _MS_REMOUNT | _MS_BIND | _MS_RDONLY
        if libc.mount(None, point.encode(), None, flags, None) != 0 and point == "/":
            return False
    options = f"size=64m,mode=0700,uid={owner},gid={owner}".encode()
    if libc.mount(b"tmpfs", scratch.encode(), b"tmpfs", 0, options) != 0:
        return False
    os.chdir(scratch)
    os.environ["TMPDIR"] = os.environ["HOME"] = scratch
    return True


def _readable_by_others(folder: str) -> bool:
    """Whether a user who owns nothing (nobody) can reach and read ``folder``."""
    import stat

    path = os.path.abspath(folder)
    while True:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return False
        if not mode & stat.S_IXOTH or (path == os.path.abspath(folder) and not mode & stat.S_IROTH):
            return False
        parent = os.path.dirname(path)
        if parent == path:
            return True
        path = parent


_PR_SET_NO_NEW_PRIVS, _PR_CAPBSET_DROP, _CAP_VERSION_3 = 38, 24, 0x20080522


def _drop_capabilities(libc) -> bool:
    """Keep uid 0 but give up every capability, now and across exec: no remounting,
    no writing past file modes, no way back."""
    import ctypes

    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    for capability in range(64):
        libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0)  # fails past the last one the kernel knows
    header = (ctypes.c_uint32 * 2)(_CAP_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable: two words each, all zero
    return libc.capset(header, data) == 0


def _wait_and_mirror(child: int) -> None:
    """Stay as a shell around ``child``: end when it ends, the same way (signal as 128+N)."""
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    code = os.WEXITSTATUS(status)
    if code > 128 and os.getpid() != 1:
        # The pid-1 shell below us could not die of the signal itself: do it here,
        # so the trusted side sees the signal.
        signum = code - 128
        try:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        except (OSError, ValueError):
            pass
    os._exit(code)


def _confine(hidden: list[str], scratch: str) -> str:
    """Cut the network, hide ``hidden`` folders and wall off other processes, where Linux
    lets us; say how far it got.

    A new network namespace has no interface but a loopback that is down; a
    private mount namespace lets an empty tmpfs cover the kata folders (and so
    the references) for this process alone; a pid namespace with its own /proc
    hides the grader's processes (no /proc/<pid>/root, no signals to it), and
    ends every process the code starts when the check ends. Without root, a user
    namespace grants the rights needed, on kernels that allow unprivileged ones.
    Graded code (``scratch`` given) then gets read-only files and, as root, the
    uid of nobody (or, where nobody could not read the standard library, no
    capabilities).
    """
    try:
        import ctypes

        try:  # the usual name first: find_library imports subprocess and friends (~15 ms)
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
        except OSError:
            import ctypes.util

            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        uid, gid = os.getuid(), os.getgid()
        flags = _CLONE_NEWNS | _CLONE_NEWNET | _CLONE_NEWPID | (0 if uid == 0 else _CLONE_NEWUSER)
        if libc.unshare(flags) != 0:
            return "process"
        if uid != 0:
            for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
                with open(f"/proc/self/{name}", "w") as handle:
                    handle.write(text)
        # Only children enter the new pid namespace: the first is its pid 1, which
        # cannot be killed by its own signals, so it forks once more for the code.
        for _ in range(2):
            child = os.fork()
            if child:
                _wait_and_mirror(child)
        if libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
            return "process, no network"
        if libc.mount(b"proc", b"/proc", b"proc", 0, None) != 0:
            return "process, no network"
        covered: list[str] = []
        for folder in sorted(hidden, key=len):
            if any(folder.startswith(done.rstrip("/") + "/") or folder == done for done in covered):
                continue
            if scratch and (scratch + "/").startswith(folder.rstrip("/") + "/"):
                continue  # never cover the scratch folder itself
            if libc.mount(b"tmpfs", folder.encode(), b"tmpfs", 0, b"size=4k,mode=0") != 0:
                return "process, no network"
            covered.append(folder)
        level = "process, no network, kata folders hidden"
        if scratch:
            # As nobody the code could not import the standard library where Python
            # lives in a private folder (/root/.pyenv): then it stays root, with
            # every capability dropped, so the read-only mounts still hold.
            as_nobody = uid == 0 and _readable_by_others(os.path.dirname(os.__file__))
            owner = _NOBODY if as_nobody else uid
            if uid == 0:
                for secret in (b"/etc/shadow", b"/etc/gshadow"):  # root may read these without any capability
                    if os.path.exists(secret):
                        libc.mount(b"/dev/null", secret, None, _MS_BIND, None)
            if not _read_only_everywhere(libc, scratch, owner):
                return level
            if as_nobody:
                os.setgroups([])
                os.setgid(_NOBODY)
                os.setuid(_NOBODY)
            elif uid == 0 and not _drop_capabilities(libc):
                return level
            level += ", files read-only"
        return level
    except (OSError, AttributeError):
        return "process"


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    import resource

    # The soft limit sends SIGXCPU; the hard one, a second later, SIGKILL.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    if memory_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _install_cardkit() -> None:
    """Make ``from pytest_kata import __`` work in a deck without importing pytest_kata
    (which may sit in a folder the confinement hides): load the stdlib-only card
    toolkit from beside this file, before any learner code runs."""
    import importlib.util

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cardkit.py")
    spec = importlib.util.spec_from_file_location("pytest_kata.cardkit", path)
    cardkit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cardkit)
    package = types.ModuleType("pytest_kata")
    package.__path__ = []
    package.__ = cardkit.__
    package.cardkit = cardkit
    sys.modules["pytest_kata"], sys.modules["pytest_kata.cardkit"] = package, cardkit


def main(argv: list[str]) -> None:
    requests, answers, cpu_seconds, memory_bytes = (int(value) for value in argv[1:5])
    _install_cardkit()
    _limit(cpu_seconds, memory_bytes)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    _Worker(requests, answers).serve()


if __name__ == "__main__":
    main(sys.argv)
