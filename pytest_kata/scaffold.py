"""A new kata folder to start from: ``pytest --kata-new ID [--kata-kind code|cards]``.

:func:`scaffold` writes a small working example of the chosen kind, whose
every comment says what a key or a file is for. The learner's ``solution.py``
is a stub, so a freshly made kata fails its checks until someone solves it.

The folder appears whole or not at all: the files are written into a hidden
temporary folder beside it, which is then renamed to the kata's id.
"""
from __future__ import annotations

import keyword
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path

from .cardkit import answer_digest
from .errors import KataError

KINDS = ("code", "cards")
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def scaffold(kata_root: Path, kata_id: str, kind: str = "code") -> Path:
    """Create the kata folder ``kata_root/kata_id`` of the given kind and return its path.

    Raises :class:`KataError` for an id that cannot name a kata, an unknown kind,
    or a folder that already exists (nothing is overwritten).
    """
    _check_id(kata_id)
    if kind not in KINDS:
        raise KataError(f"unknown kata kind {kind!r}; choose one of: {', '.join(KINDS)}")
    kata_root = Path(kata_root)
    target = kata_root / kata_id
    if target.exists() or target.is_symlink():
        raise KataError(f"{target} already exists; choose another kata id or remove that folder first")
    files = _code_files(kata_id) if kind == "code" else _cards_files(kata_id)
    try:
        kata_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=kata_root, prefix=f".{kata_id}.", suffix=".new"))
    except OSError as exc:
        raise KataError(f"cannot create a kata folder in {kata_root}: {exc.strerror or exc}") from None
    try:
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700; give the usual mode
        # kata.toml goes last, whole: a folder without one is not a kata, so
        # even a staging folder left by a crash never shows up as half a kata.
        for name, text in files.items():
            if name != "kata.toml":
                (staging / name).write_text(text, encoding="utf-8")
        (staging / ".kata.toml.part").write_text(files["kata.toml"], encoding="utf-8")
        os.rename(staging / ".kata.toml.part", staging / "kata.toml")
        if target.exists() or target.is_symlink():
            raise FileExistsError
        os.rename(staging, target)
    except FileExistsError:
        shutil.rmtree(staging, ignore_errors=True)
        raise KataError(f"{target} already exists; choose another kata id or remove that folder first") from None
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if target.exists():  # another process made it between our check and the rename
            raise KataError(f"{target} already exists; choose another kata id or remove that folder first") from None
        raise KataError(f"cannot create the kata folder {target}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _check_id(kata_id: object) -> None:
    if not isinstance(kata_id, str) or not _ID.fullmatch(kata_id):
        raise KataError(
            f"{kata_id!r} is not a valid kata id; use letters, digits and underscores, "
            f"not starting with a digit (for example two_sum)"
        )
    if keyword.iskeyword(kata_id):
        raise KataError(
            f"{kata_id!r} is a Python keyword, which cannot name the kata's function; "
            f"choose another kata id"
        )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _title(kata_id: str) -> str:
    words = kata_id.replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or kata_id


# --- kind "code" --------------------------------------------------------------

_CODE_TOML = '''\
# {id}/kata.toml: the definition of the kata "{id}" (the folder name is its id).
# Every key is explained below. Replace the sample problem (the largest number
# of a list) with your own, then try the kata with a worked solution:
#   pytest --kata-path <this folder's parent> --kata-solutions <folder of solutions>

{title_line}# required: the name learners see
kind = "code"              # optional: "code" (the default) is a function checked against a reference

# round = 1                # optional: the interview round it belongs to (an integer from 1);
                           # rounds.toml beside the kata folders names the rounds; without
                           # a round the kata is listed under "No round"
order = 0                  # optional: its place within the round (smaller comes first)

{function_line}# required: the function solution.py and reference.py define
reference = "reference.py" # optional: the trusted solution, relative to this folder (this is the default)

# weight = 1               # optional: the kata's points in a grade (default 1)
# check_weights = {{ examples = 1, generated = 2, rules = 1 }}   # optional: how those
                           # points are shared among the checks (these are the defaults)

# required: the problem as the learner reads it
statement = """
Write {function}(numbers) that returns the largest number in the list numbers.
The list holds at least one integer; the integers may be negative, and the
largest one may appear more than once: {function}([3, 9, 4]) returns 9.
"""

# optional: hints, unlocked one by one as the learner keeps failing
# (`pytest --kata-hint {id}` prints the ones unlocked so far)
hints = [
    "Keep the largest number seen so far, and look at the others one at a time.",
    "Start from the first element, not from 0: every number in the list may be negative.",
]

# optional: calls with their expected results; with at least one, the kata
# has an "examples" check. `args` lists the positional arguments; TOML has no
# tuples, so write arrays (a returned tuple counts as an array here).
[[examples]]
args = [[3, 9, 4]]
expected = 9

[[examples]]
args = [[-7, -2, -11]]
expected = -2

# required: the "generated" check calls the solution and the reference on the
# same inputs and compares the results exactly (types included).
[generated]
max_examples = 100         # optional: inputs per run (default 100)
strategy = "strategies.py" # a Python file defining `arguments`, a Hypothesis strategy of argument tuples

# Instead of `strategy`, the inputs can be declared here, one strategy per
# parameter of the reference, in order. Give exactly one of the two:
# [generated.arguments]
# numbers = {{ strategy = "lists", min_size = 1, elements = {{ strategy = "integers" }} }}

# optional: rules on how the function is written, read with `ast`; with this
# table the kata has a "rules" check.
# [rules]
# assign_only = ["numbers", "best", "number"]  # the only names the function may bind
# no_packing = false                           # true forbids building tuples, lists, sets, ...
# ends_with_return = ["best"]                  # the last statement must be `return best`
# advice = "Keep one running best and end with `return best`."   # shown under broken rules
'''

_CODE_REFERENCE = '''\
"""Reference for {id}: the trusted answer the generated inputs are checked against."""


def {function}(numbers):
    best = numbers[0]
    for number in numbers[1:]:
        if number > best:
            best = number
    return best
'''

_CODE_SOLUTION = '''\
"""{title}: your solution. Run `pytest --kata` to check it.

Read the statement and the hints in {id}/kata.toml.
"""


def {function}(numbers: list[int]) -> int:
    """Return the largest number in numbers, a list of at least one integer."""
    # Your code here.
'''

_CODE_STRATEGIES = '''\
"""Inputs for {id}: `arguments` produces tuples of positional arguments.

Small numbers make ties frequent; all-negative lists catch a running best
that starts at 0; lists shrink towards a single element.
"""
from hypothesis import strategies as st

numbers = st.one_of(st.integers(-5, 5), st.integers())
lists = st.one_of(
    st.lists(numbers, min_size=1, max_size=20),
    st.lists(st.integers(max_value=-1), min_size=1, max_size=20),
)

arguments = st.tuples(lists)  # one element per parameter: (numbers,)
'''


def _padded(line: str) -> str:
    """``line`` followed by spaces up to the column where the template's comments start."""
    return f"{line:<26} "


def _code_files(kata_id: str) -> dict[str, str]:
    values = {"id": kata_id, "title": _title(kata_id), "function": kata_id}
    values["title_line"] = _padded(f'title = "{values["title"]}"')
    values["function_line"] = _padded(f'function = "{kata_id}"')
    return {
        "kata.toml": _CODE_TOML.format(**values),
        "reference.py": _CODE_REFERENCE.format(**values),
        "solution.py": _CODE_SOLUTION.format(**values),
        "strategies.py": _CODE_STRATEGIES.format(**values),
    }


# --- kind "cards" -------------------------------------------------------------

_CARDS_TOML = '''\
# {id}/kata.toml: the deck "{id}" (the folder name is its id). Each card is one
# check; the learner fills in the blanks (__) of the card functions in solution.py.

{title_line}# required: the name learners see
kind = "cards"             # required for a deck
# round = 1                # optional: the interview round it belongs to (an integer from 1)
order = 0                  # optional: its place within the round (smaller comes first)

# required: what the deck is about and what to do
statement = """
Two sample cards about databases. Open solution.py and replace every __ so
that each card passes: a value that makes the assertion true, or the answer
to the question. Replace these cards with your own.
"""

hints = [                  # optional: general hints for the whole deck
    "Run the card's code in your head line by line; the blank is where it stops.",
]

# A card that asserts: solution.py defines card_primary_key(db), where `db` is
# a fresh SQLite database of the card's own. Other helpers a card can ask for
# by parameter name: workdir, recall, story, answer.
[[cards]]
id = "primary_key"
question = "What happens when a second row tries to reuse a primary key?"
back = """
A primary key names each row uniquely, so the database refuses the second
insert with an integrity error and the table keeps only the first row.
"""

# A recall card: card_durability(recall) passes when recall() gets the answer.
# Only a salted hash of the answer is stored; make one (a new salt per card) with
#   python -c "from pytest_kata.cardkit import answer_digest; print(answer_digest('SALT', 'the answer'))"
# `answer` may also be an array of such hashes, to accept several wordings.
[[cards]]
id = "durability"
question = "Which ACID property promises that a committed transaction survives a crash?"
options = ["a) atomicity", "b) consistency", "c) isolation", "d) durability"]
answer = "{durability_digest}"
back = """
Durability: once the database says a transaction committed, its changes are on
stable storage (typically through a write-ahead log) and outlive a power cut.
"""

# A third sort of card asks for a whole function instead of a card_<id>: the
# learner writes it in solution.py (its body a lone __ at first), and it is
# checked against a trusted reference on generated inputs, as a code kata is.
# [[cards]]
# id = "digits"
# question = "How does a recursive function know when to stop?"
# back = "..."
# function = "sum_digits"        # the function the learner writes
# reference = "reference.py"     # a file in this folder defining the same function
# recursive = true               # optional: it must call itself and have a base case
# [cards.generated]              # the same keys as a code kata's [generated]
# arguments = {{ n = {{ strategy = "integers", min_value = 0 }} }}
'''

_CARDS_SOLUTION = '''\
"""{title}: a deck of cards. Replace every __ so that each card passes.

Run `pytest --kata -k {id}` to see which card is next.
"""
from pytest_kata import __


def card_primary_key(db):
    """A second row with the same primary key is refused."""
    db.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    db.execute("INSERT INTO person VALUES (1, 'Ada')")
    try:
        db.execute("INSERT INTO person VALUES (1, 'Grace')")
    except db.IntegrityError:  # sqlite3's exceptions are attributes of the connection too
        pass
    count = db.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    assert count == __


def card_durability(recall):
    """Which ACID property promises that a committed transaction survives a crash?"""
    recall(__)
'''


def _cards_files(kata_id: str) -> dict[str, str]:
    values = {
        "id": kata_id,
        "title": _title(kata_id),
        "durability_digest": answer_digest(secrets.token_hex(4), "durability"),
    }
    values["title_line"] = _padded(f'title = "{values["title"]}"')
    return {
        "kata.toml": _CARDS_TOML.format(**values),
        "solution.py": _CARDS_SOLUTION.format(**values),
    }
