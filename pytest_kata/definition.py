"""Reading and validating ``kata.toml``: one kata folder becomes one :class:`Kata`.

Validation is strict on purpose: a typo in a key would otherwise silently turn a
check off. Every problem is reported as one sentence naming the file, the key
and what was expected.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import KataDefinitionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older interpreters only
    import tomli as tomllib

KATA_FILE = "kata.toml"
SOLUTION_FILE = "solution.py"
KINDS = ("code", "cards")
CARD_PREFIX = "card_"  # a deck's solution.py defines card_<id> for each assertion card
DEFAULT_MAX_EXAMPLES = 100
# What a check is worth within its kata, unless kata.toml says otherwise:
# generated inputs find more than the statement's examples or the style rules.
DEFAULT_CHECK_WEIGHTS = {"examples": 1, "generated": 2, "rules": 1, "performance": 1}


@dataclass(frozen=True)
class Example:
    args: tuple
    expected: Any


@dataclass(frozen=True)
class Rules:
    """How the learner's function must be written, checked with ``ast``."""

    assign_only: tuple[str, ...] | None = None
    no_packing: bool = False
    ends_with_return: tuple[str, ...] | None = None
    advice: str = ""


@dataclass(frozen=True)
class Performance:
    """Large inputs on which the learner's time is judged against the reference's.

    ``inputs`` is a trusted Python file defining ``arguments(rng)``, which returns
    one argument tuple built from ``rng`` (a ``random.Random``). The learner
    passes when their median time is at most ``factor`` times the reference's
    plus ``floor`` seconds.
    """

    inputs: Path
    factor: float = 5.0
    floor: float = 0.5
    repeats: int = 3
    expects: str = ""


@dataclass(frozen=True)
class Card:
    """One flashcard of a deck: a front (question), a back, and how it is checked.

    An assertion card is the function ``card_<id>`` in the deck; a recall card
    is one whose ``answers`` hold salted hashes; a function card (``function``
    set) has the learner write that function, compared with ``reference``.
    """

    id: str
    question: str
    back: str
    options: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    function: str | None = None
    reference: Path | None = None
    recursive: bool = False
    strategy_file: Path | None = None
    arguments: dict[str, Any] | None = None
    max_examples: int = DEFAULT_MAX_EXAMPLES

    @property
    def card_function(self) -> str:
        return CARD_PREFIX + self.id

    @property
    def front(self) -> str:
        """The question, with its options when it offers some."""
        return "\n".join((self.question, *self.options))


@dataclass(frozen=True)
class Kata:
    id: str
    folder: Path
    title: str
    statement: str
    function: str
    reference: Path
    kind: str = "code"
    round: int | None = None
    order: int = 0
    hints: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    strategy_file: Path | None = None
    arguments: dict[str, Any] | None = None
    max_examples: int = DEFAULT_MAX_EXAMPLES
    rules: Rules | None = None
    weight: float = 1
    check_weights: dict[str, float] | None = None
    cards: tuple[Card, ...] = ()
    performance: Performance | None = None
    compare: str = "exact"
    tolerance: float = 1e-9
    interface: str = "function"  # or "stdio": the learner writes a program reading standard input
    render: Path | None = None  # stdio: the file defining render_input(*args) and render_output(result)

    def card(self, card_id: str) -> Card:
        return next(card for card in self.cards if card.id == card_id)

    def max_score(self, check: str) -> float:
        """The points ``check`` is worth: the kata's weight shared out by check weights."""
        if self.kind == "cards":
            return self.weight / len(self.cards)
        weights = {name: (self.check_weights or {}).get(name, DEFAULT_CHECK_WEIGHTS[name]) for name in self.checks}
        return self.weight * weights[check] / sum(weights.values())

    @property
    def checks(self) -> list[str]:
        """The names of this kata's checks, in the order they run (a deck's: its card ids)."""
        if self.kind == "cards":
            return [card.id for card in self.cards]
        names = []
        if self.examples:
            names.append("examples")
        names.append("generated")
        if self.rules is not None:
            names.append("rules")
        if self.performance is not None:
            names.append("performance")
        return names


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"the string {shown!r}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__}"


class TomlTable:
    """Takes keys out of one TOML table, checking each, then rejects the leftovers."""

    def __init__(self, label: str, data: dict[str, Any], prefix: str = "") -> None:
        self.label = label
        self.data = dict(data)
        self.prefix = prefix
        self.known: list[str] = []

    def error(self, key: str, message: str) -> KataDefinitionError:
        return KataDefinitionError(f"{self.label}: key '{self.prefix}{key}': {message}")

    def take(
        self,
        key: str,
        expectation: str,
        accepts: Callable[[Any], bool],
        *,
        required: bool = False,
        default: Any = None,
    ) -> Any:
        self.known.append(key)
        if key not in self.data:
            if required:
                raise KataDefinitionError(
                    f"{self.label}: missing required key '{self.prefix}{key}' ({expectation})"
                )
            return default
        value = self.data.pop(key)
        if not accepts(value):
            raise self.error(key, f"expected {expectation}, got {_describe(value)}")
        return value

    def finish(self) -> None:
        for key in self.data:
            close = difflib.get_close_matches(key, self.known, n=1)
            suggestion = f" (did you mean '{self.prefix}{close[0]}'?)" if close else ""
            allowed = ", ".join(self.known)
            raise KataDefinitionError(
                f"{self.label}: unknown key '{self.prefix}{key}'{suggestion}; "
                f"allowed here: {allowed}"
            )


def is_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_positive_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def is_positive_int(value: Any) -> bool:
    return is_int(value) and value >= 1


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(is_str(item) for item in value)


def _is_identifier(value: Any) -> bool:
    return isinstance(value, str) and value.isidentifier()


def _is_identifier_list(value: Any) -> bool:
    return isinstance(value, list) and value != [] and all(_is_identifier(v) for v in value)


def _file_in(folder: Path, table: TomlTable, key: str, relative: str) -> Path:
    if "\0" in relative:
        raise table.error(key, "expected a file name, got a string with a NUL character")
    path = (folder / relative).resolve()
    if not path.is_file():
        raise table.error(key, f"the file {relative!r} does not exist (looked for {path})")
    return path


def read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise KataDefinitionError(f"{label}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise KataDefinitionError(f"{label}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise KataDefinitionError(f"{label}: cannot be read: {exc.strerror}") from None


def load_kata(folder: Path, label: str | None = None) -> Kata:
    """Read ``folder/kata.toml`` into a :class:`Kata`, or raise :class:`KataDefinitionError`.

    ``label`` is how the file is named in messages (a path relative to the rootdir).
    """
    toml_path = folder / KATA_FILE
    label = label or str(toml_path)
    data = read_toml(toml_path, label)
    top = TomlTable(label, data)
    title = top.take("title", "a non-empty string", is_str, required=True)
    kind = top.take("kind", f"one of {', '.join(KINDS)}", lambda v: v in KINDS, default="code")
    round_number = top.take("round", "a round number (an integer from 1)", is_positive_int)
    order = top.take("order", "an integer (the kata's place within its round)", is_int, default=0)
    statement = top.take("statement", "the problem statement, a non-empty string", is_str, required=True)
    hints = top.take("hints", "an array of strings", _is_str_list, default=[])
    weight = top.take("weight", "a positive number (the kata's points in a grade)", is_positive_number,
                      default=1)
    common = dict(id=folder.name, folder=folder, title=title, statement=statement, kind=kind,
                  round=round_number, order=order, hints=tuple(hints), weight=weight)
    if kind == "cards":
        return _deck(folder, label, top, common)

    function = top.take(
        "function", "the name of the function the learner writes", _is_identifier, required=True
    )
    reference_name = top.take(
        "reference", "a path to the reference solution, relative to the kata folder", is_str,
        default="reference.py",
    )
    raw_examples = top.take(
        "examples", "an array of tables, each with 'args' and 'expected'",
        lambda v: isinstance(v, list) and all(isinstance(e, dict) for e in v), default=[],
    )
    generated = top.take("generated", "a table", lambda v: isinstance(v, dict), default={})
    raw_rules = top.take("rules", "a table", lambda v: isinstance(v, dict))
    raw_check_weights = top.take("check_weights", "a table of check names to positive numbers",
                                 lambda v: isinstance(v, dict), default=None)
    raw_performance = top.take("performance", "a table", lambda v: isinstance(v, dict))
    interface = top.take("interface", 'one of "function" (the learner writes a function) or "stdio" '
                         '(a program reading standard input)', lambda v: v in ("function", "stdio"),
                         default="function")
    raw_stdio = top.take("stdio", "a table with 'render'", lambda v: isinstance(v, dict))
    compare = top.take("compare", "one of exact, float, unordered (how results are compared)",
                       lambda v: v in ("exact", "float", "unordered"), default="exact")
    tolerance = top.take("tolerance", "a positive number (with compare = \"float\")", is_positive_number,
                         default=1e-9)
    top.finish()
    if tolerance != 1e-9 and compare != "float":
        raise top.error("tolerance", 'only compare = "float" uses a tolerance')
    render = None
    if interface == "stdio":
        if raw_stdio is None:
            raise KataDefinitionError(f'{label}: missing required key \'stdio\' (with interface = "stdio": a table '
                                      f"with 'render', a Python file defining render_input and render_output)")
        for key in ("rules", "performance"):
            if (raw_rules if key == "rules" else raw_performance) is not None:
                raise top.error(key, 'a program reading standard input (interface = "stdio") has no such check')
        table = TomlTable(label, raw_stdio, prefix="stdio.")
        render_name = table.take("render", "a path to a Python file defining render_input(*args) and "
                                 "render_output(result)", is_str, required=True)
        table.finish()
        render = _file_in(folder, table, "render", render_name)
    elif raw_stdio is not None:
        raise top.error("stdio", 'only interface = "stdio" takes this table')

    reference = _file_in(folder, top, "reference", reference_name)
    examples = tuple(_example(label, index, raw) for index, raw in enumerate(raw_examples))
    strategy_file, arguments, max_examples = _generated(folder, label, generated)
    rules = _rules(label, raw_rules) if raw_rules is not None else None
    check_weights = _check_weights(label, raw_check_weights) if raw_check_weights is not None else None

    return Kata(
        **common,
        function=function,
        reference=reference,
        check_weights=check_weights,
        examples=examples,
        strategy_file=strategy_file,
        arguments=arguments,
        max_examples=max_examples,
        rules=rules,
        performance=_performance(folder, label, raw_performance) if raw_performance is not None else None,
        compare=compare,
        tolerance=float(tolerance),
        interface=interface,
        render=render,
    )


def _performance(folder: Path, label: str, raw: dict[str, Any]) -> Performance:
    table = TomlTable(label, raw, prefix="performance.")
    inputs = table.take("inputs", "a path to a Python file defining arguments(rng), relative to the kata folder",
                        is_str, required=True)
    factor = table.take("factor", "a number above 1 (the learner may take factor times the reference's time)",
                        lambda v: is_positive_number(v) and v > 1, default=5.0)
    floor = table.take("floor", "a number of seconds from 0 (added to the limit, for start-up noise)",
                       lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0, default=0.5)
    repeats = table.take("repeats", "an integer from 1 to 9 (timed runs of each side, interleaved)",
                         lambda v: is_int(v) and 1 <= v <= 9, default=3)
    expects = table.take("expects", "a string naming the expected complexity", is_str, default="")
    table.finish()
    return Performance(inputs=_file_in(folder, table, "inputs", inputs), factor=float(factor), floor=float(floor),
                       repeats=repeats, expects=expects)


def _deck(folder: Path, label: str, top: TomlTable, common: dict[str, Any]) -> Kata:
    """The rest of a deck's kata.toml: its ``[[cards]]``, checked against the shipped deck."""
    raw_cards = top.take(
        "cards", "an array of tables, each a card with 'id', 'question' and 'back'",
        lambda v: isinstance(v, list) and v != [] and all(isinstance(c, dict) for c in v), required=True,
    )
    top.finish()
    cards = tuple(_card(folder, label, index, raw) for index, raw in enumerate(raw_cards))
    seen: set[str] = set()
    for index, card in enumerate(cards):
        if card.id in seen:
            raise KataDefinitionError(f"{label}: key 'cards[{index}].id': the card id {card.id!r} is used twice")
        seen.add(card.id)
    # The deck's solution.py is not read here: in practice it is the learner's own file,
    # and a card function missing from it is that card's failure (--kata-validate
    # checks the shipped deck for its author).
    return Kata(**common, function="", reference=folder / SOLUTION_FILE, cards=cards)


def _is_digest(value: Any) -> bool:
    parts = value.split(":") if isinstance(value, str) else []
    return len(parts) == 3 and parts[0] == "sha256" and parts[1] != "" and len(parts[2]) == 64


def _card(folder: Path, label: str, index: int, raw: dict[str, Any]) -> Card:
    table = TomlTable(label, raw, prefix=f"cards[{index}].")
    card_id = table.take("id", "an identifier (the card's function is card_<id>)", _is_identifier, required=True)
    question = table.take("question", "the card's front, a non-empty string", is_str, required=True)
    back = table.take("back", "the explanation shown once the card passes, a non-empty string", is_str,
                      required=True)
    options = table.take("options", "an array of strings (the choices of a recall card)", _is_str_list,
                         default=[])
    answers = table.take(
        "answer", "a salted hash 'sha256:SALT:HEX' of the answer, or an array of them",
        lambda v: _is_digest(v) or (isinstance(v, list) and v != [] and all(_is_digest(d) for d in v)),
    )
    function = table.take("function", "the name of the function the learner writes", _is_identifier)
    reference_name = table.take("reference", "a path to the reference solution, relative to the deck folder",
                                is_str)
    recursive = table.take("recursive", "true or false (the function must call itself)",
                           lambda v: isinstance(v, bool), default=False)
    generated = table.take("generated", "a table", lambda v: isinstance(v, dict))
    table.finish()
    if function is None:
        for key, value in (("reference", reference_name), ("generated", generated), ("recursive", recursive or None)):
            if value is not None:
                raise table.error(key, "only a function card (one with 'function') takes this key")
        return Card(id=card_id, question=question, back=back, options=tuple(options),
                    answers=tuple([answers] if isinstance(answers, str) else answers or ()))
    if answers is not None:
        raise table.error("answer", "a function card is checked against its reference, not an answer")
    if generated is None:
        raise KataDefinitionError(f"{label}: missing required key 'cards[{index}].generated' (a table)")
    reference = _file_in(folder, table, "reference", reference_name or "reference.py")
    strategy_file, arguments, max_examples = _generated(folder, label, generated, f"cards[{index}].generated.")
    return Card(id=card_id, question=question, back=back, options=tuple(options), function=function,
                reference=reference, recursive=recursive, strategy_file=strategy_file, arguments=arguments,
                max_examples=max_examples)


def _example(label: str, index: int, raw: dict[str, Any]) -> Example:
    table = TomlTable(label, raw, prefix=f"examples[{index}].")
    args = table.take(
        "args", "an array of the function's arguments", lambda v: isinstance(v, list), required=True
    )
    expected = table.take("expected", "the expected return value", lambda v: True, required=True)
    table.finish()
    return Example(args=tuple(args), expected=expected)


def _generated(folder: Path, label: str, raw: dict[str, Any], prefix: str = "generated."):
    table = TomlTable(label, raw, prefix=prefix)
    strategy_name = table.take(
        "strategy",
        "a path to a Python file defining 'arguments', a Hypothesis strategy of argument tuples",
        is_str,
    )
    arguments = table.take(
        "arguments", "a table mapping each parameter to a strategy table",
        lambda v: isinstance(v, dict) and v != {},
    )
    max_examples = table.take(
        "max_examples", "a positive integer", is_positive_int, default=DEFAULT_MAX_EXAMPLES
    )
    table.finish()
    if (strategy_name is None) == (arguments is None):
        raise KataDefinitionError(
            f"{label}: table '{prefix.rstrip('.')}' needs exactly one of '{prefix}strategy' (a Python file) "
            f"or '{prefix}arguments' (a strategy per parameter)"
        )
    strategy_file = _file_in(folder, table, "strategy", strategy_name) if strategy_name else None
    return strategy_file, arguments, max_examples


def _check_weights(label: str, raw: dict[str, Any]) -> dict[str, float]:
    table = TomlTable(label, raw, prefix="check_weights.")
    weights = {}
    for name in DEFAULT_CHECK_WEIGHTS:
        value = table.take(name, "a positive number", is_positive_number)
        if value is not None:
            weights[name] = value
    table.finish()
    return weights


def _rules(label: str, raw: dict[str, Any]) -> Rules:
    table = TomlTable(label, raw, prefix="rules.")
    assign_only = table.take(
        "assign_only", "an array of the only variable names the function may assign to",
        _is_identifier_list,
    )
    no_packing = table.take(
        "no_packing", "true or false (forbid building or unpacking tuples, lists and sets in assignments)",
        lambda v: isinstance(v, bool), default=False,
    )
    ends_with_return = table.take(
        "ends_with_return", "an array of the names the function's last statement returns",
        _is_identifier_list,
    )
    advice = table.take(
        "advice", "a string shown when a rule is broken", is_str, default=""
    )
    table.finish()
    return Rules(
        assign_only=tuple(assign_only) if assign_only else None,
        no_packing=no_packing,
        ends_with_return=tuple(ends_with_return) if ends_with_return else None,
        advice=advice,
    )
