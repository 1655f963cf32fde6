"""The shipped katas: stubs fail, worked solutions pass, classic mistakes are caught minimally."""
from __future__ import annotations

import ast
import json
import textwrap

import pytest

NAIVE = '''
def count_even_odd(arr, queries):
    arr = list(arr)
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            {update}
        else:
            evens = sum(1 for value in arr[{window}] if {is_even})
            size = len(arr[{window}])
            answers.append({answer})
    return answers
'''
RIGHT = dict(
    update="arr[x] = y", window="x:y + 1", is_even="value % 2 == 0",
    answer="evens if kind == 1 else size - evens",
)


BLOCKS = '''
def count_even_odd(arr, queries):
    size = 16
    arr = list(arr)
    odd = [0] * ((len(arr) + size - 1) // size)
    for i, value in enumerate(arr):
        odd[i // size] += value & 1
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            odd[x // size] += (y & 1) - (arr[x] & 1)
            arr[x] = y
            continue
        first, last = x // size, y // size
        if first == last:
            count = sum(arr[i] & 1 for i in range(x, y + 1))
        else:
            count = sum(arr[i] & 1 for i in range(x, (first + 1) * size))
            count += sum(odd[first + 1:last])
            count += sum(arr[i] & 1 for i in range(last * size, y))  # the bug: leaves out arr[y]
        answers.append(count if kind == 2 else (y - x + 1) - count)
    return answers
'''


def naive(**changes: str) -> str:
    return NAIVE.format(**{**RIGHT, **changes})


# Each mistake, and the most array elements and queries its smallest counterexample needs.
MISTAKES = {
    "exclusive right bound": (naive(window="x:y"), 1, 1),
    "zero treated as odd": (naive(is_even="value % 2 == 0 and value != 0"), 1, 1),
    "one-based update": (naive(update="arr[x - 1] = y"), 2, 2),
    "updates ignored": (naive(update="pass"), 1, 2),
    "answers for updates": (naive(update="arr[x] = y; answers.append(0)"), 1, 1),
    "query types swapped": (naive(answer="evens if kind == 2 else size - evens"), 1, 1),
    # Found in review: only long arrays reach a bug in the cross-block branch of a block split.
    "block split misses the right end": (BLOCKS, 17, 2),
}


def counterexample(output: str) -> tuple[list, list]:
    """The (arr, queries) of the failure message's first line."""
    line = next(line for line in output.splitlines() if line.startswith("count_even_odd(arr="))
    call = ast.parse(line.split(" returned")[0], mode="eval").body
    arr, queries = (ast.literal_eval(keyword.value) for keyword in call.keywords)
    return arr, queries


DECKS = {
    "dbms_concepts": ["advantages", "rows_and_columns", "normalization", "schema", "index"],
    "os_concepts": ["process", "virtual_memory", "kernel", "thrashing"],
    "recursion": ["recursion"],
    "hr_questions": ["about_yourself", "strengths", "why_this_company", "weaknesses", "stress_and_pressure",
                     "alone_or_team", "failure", "our_company"],
}
CARDS = [f"katas/{deck}::{card}" for deck, cards in DECKS.items() for card in cards]
CODE_CHECKS = ["katas/count_even_odd::examples", "katas/count_even_odd::generated",
               "katas/count_even_odd::performance", "katas/count_even_odd_stdio::examples",
               "katas/count_even_odd_stdio::generated", "katas/swap::examples",
               "katas/swap::generated", "katas/swap::rules"]


def test_stubs_fail_and_every_card_fails_at_its_blank(shipped_all: pytest.Pytester) -> None:
    result = shipped_all.runpytest("--kata", "-n", "2", "--kata-json", "report.json")
    result.assert_outcomes(failed=len(CODE_CHECKS) + len(CARDS))
    assert result.ret == 1
    assert len(CARDS) == 18
    report = json.loads((shipped_all.path / "report.json").read_text())
    messages = {f"katas/{kata['id']}::{check['name']}": check["message"]
                for kata in report["katas"] for check in kata["checks"]}
    for card in CARDS:
        deck = card.split("/")[1].split("::")[0]
        assert messages[card].startswith(f"fill in the blank at katas/{deck}/solution.py:"), messages[card]


def test_worked_solutions_pass_and_show_every_back(shipped_all: pytest.Pytester) -> None:
    result = shipped_all.runpytest("--kata", "--kata-solutions", "solutions", "-v", "-n", "2")
    result.assert_outcomes(passed=len(CODE_CHECKS) + len(CARDS))
    assert result.ret == 0
    output = result.stdout.str()
    for item in CODE_CHECKS + CARDS:
        assert f"PASSED {item}" in output or f"{item} PASSED" in output, item
    backs = output.split("kata cards")[1]
    for card in CARDS:
        assert card.split("/", 1)[1] in backs, card


def test_a_worked_deck_with_an_assertion_replaced_fails_that_card(shipped_all: pytest.Pytester) -> None:
    deck = shipped_all.path / "solutions/dbms_concepts/solution.py"
    lines = deck.read_text().splitlines()
    number, line = next((n, text) for n, text in enumerate(lines) if text.strip().startswith("assert "))
    lines[number] = line[:len(line) - len(line.lstrip())] + "assert True"
    deck.write_text("\n".join(lines) + "\n")
    result = shipped_all.runpytest("--kata", "--kata-solutions", "solutions", "-k", "dbms")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines([f"*card changed outside its blanks at line {number + 1}*"])


def test_naive_scan_template_is_correct(shipped: pytest.Pytester) -> None:
    # Guards the mistake table below: without the mistake, the naive scan passes.
    (shipped.path / "katas/count_even_odd/solution.py").write_text(naive())
    shipped.runpytest("--kata", "-k", "count_even_odd").assert_outcomes(passed=2)


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_classic_mistakes_fail_with_a_minimal_counterexample(shipped: pytest.Pytester, mistake: str) -> None:
    solution, most_elements, most_queries = MISTAKES[mistake]
    (shipped.path / "katas/count_even_odd/solution.py").write_text(solution)
    result = shipped.runpytest("--kata", "-k", "count_even_odd and generated", "--kata-seed", "3")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["count_even_odd(*) returned the wrong value.", "  expected: *", "  actual: *"])
    arr, queries = counterexample(result.stdout.str())
    assert len(arr) <= most_elements and len(queries) <= most_queries, (arr, queries)


SWAPS = {
    "tuple swap": ("return b, a", "passed", "*must end with 'return a, b'; it ends with 'return b, a'*"),
    "temporary variable": (
        "t = a\n    a = b\n    b = t\n    return a, b", "passed", "*assigns to 't'; only a and b may be assigned*"),
    "tuple unpacking": ("a, b = b, a\n    return a, b", "passed", "*'a, b = b, a' builds or unpacks*"),
    "xor": ("a = a ^ b\n    b = a ^ b\n    a = a ^ b\n    return a, b", "passed", None),
    "arithmetic": ("a = a + b\n    b = a - b\n    a = a - b\n    return a, b", "passed", None),
    "wrong arithmetic": ("a = a + b\n    b = a - b\n    return a, b", "failed", None),
}


@pytest.mark.parametrize("name", list(SWAPS))
def test_swap_rules_teach_the_follow_up(shipped: pytest.Pytester, name: str) -> None:
    body, generated, rule_message = SWAPS[name]
    (shipped.path / "katas/swap/solution.py").write_text(f"def swap(a, b):\n    {body}\n")
    result = shipped.runpytest("--kata", "-k", "swap", "-rA")
    assert ("PASSED katas/swap::generated" in result.stdout.str()) == (generated == "passed")
    if rule_message is None:
        assert "PASSED katas/swap::rules" in result.stdout.str()
    else:
        result.stdout.fnmatch_lines([rule_message, "*exclusive or*"])
        assert "a ^ b" not in result.stdout.str(), "the advice must not give the code away"


def test_swap_handles_huge_and_negative_integers(shipped: pytest.Pytester) -> None:
    # A solution that only works within 64 bits fails on the integers Hypothesis draws.
    (shipped.path / "katas/swap/solution.py").write_text(textwrap.dedent('''
        def swap(a, b):
            a = (a + b) % 2**64
            b = (a - b) % 2**64
            a = (a - b) % 2**64
            return a, b
    '''))
    result = shipped.runpytest("--kata", "-k", "swap and generated")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["swap(a=*) returned the wrong value."])


@pytest.mark.parametrize(("body", "complaint"), [
    # A call that never runs does not make a function recursive.
    ("    if n < 0:\n        return digit_sum(n)\n    return sum(map(int, str(n)))\n",
     "digit_sum() gives the right answers, but without calling itself*"),
    ("    return sum(map(int, str(n)))\n", "*digit_sum() never calls itself*"),
])
def test_the_recursion_card_wants_real_recursion(shipped_all: pytest.Pytester, body: str, complaint: str) -> None:
    deck = shipped_all.path / "solutions/recursion/solution.py"
    shipped = (shipped_all.path / "katas/recursion/solution.py").read_text()
    deck.write_text(shipped.replace("    __\n", body))
    result = shipped_all.runpytest("--kata", "--kata-solutions", "solutions", "-k", "recursion")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([complaint])
