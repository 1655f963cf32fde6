"""Katas with interface = "stdio": a program reads standard input and its output tokens are compared."""
from __future__ import annotations

import shutil

import pytest

from conftest import REPO


@pytest.fixture
def judge(pytester: pytest.Pytester) -> pytest.Pytester:
    """count_even_odd_stdio, with the count_even_odd folder whose reference and strategies it shares."""
    for kata_id in ("count_even_odd", "count_even_odd_stdio"):
        shutil.copytree(REPO / "katas" / kata_id, pytester.path / "katas" / kata_id)
    (pytester.path / "katas/count_even_odd/kata.toml").unlink()  # only the shared files are wanted
    return pytester


def run_program(judge: pytest.Pytester, program: str, *options: str) -> pytest.RunResult:
    (judge.path / "katas/count_even_odd_stdio/solution.py").write_text(program)
    return judge.runpytest("--kata", "-p", "no:cacheprovider", *options)


def test_the_worked_program_passes_and_the_stub_fails(judge: pytest.Pytester) -> None:
    run_program(judge, (REPO / "katas/count_even_odd_stdio/solution.py").read_text()).assert_outcomes(failed=2)
    worked = (REPO / "examples/solutions/count_even_odd_stdio/solution.py").read_text()
    run_program(judge, worked).assert_outcomes(passed=2)
    run_program(judge, worked, "--kata-in-process").assert_outcomes(passed=2)


def test_input_and_print_with_any_spacing_pass(judge: pytest.Pytester) -> None:
    program = '''
n = int(input())
arr = [int(v) for v in input().split()]
answers = []
for _ in range(int(input())):
    kind, x, y = map(int, input().split())
    if kind == 0:
        arr[x] = y
    else:
        odd = sum(v % 2 for v in arr[x:y + 1])
        answers.append(odd if kind == 2 else y - x + 1 - odd)
print(*answers, sep="   ")  # one line, odd spacing: tokens still match
exit(0)
'''
    run_program(judge, program).assert_outcomes(passed=2)


def test_a_wrong_program_shows_its_input_and_both_outputs(judge: pytest.Pytester) -> None:
    result = run_program(judge, "import sys\nsys.stdin.read()\nprint(0)\n", "-k", "examples")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "example 1: your program, given the input '5\\n1 2 3 4 5\\n5\\n1 0 4\\n*' returned the wrong value.",
        "  expected: '2\\n1\\n1\\n1\\n'",
        "  actual:   '0\\n'",
    ])


def test_a_program_that_exits_with_an_error_code_fails(judge: pytest.Pytester) -> None:
    result = run_program(judge, "import sys\nsys.exit(3)\n", "-k", "examples")
    result.stdout.fnmatch_lines(["*the program exited with code 3*"])


@pytest.mark.parametrize(("change", "complaint"), [
    ('[stdio]\nrender = "render.py"', "missing required key 'stdio'"),
    ('[stdio]', "[rules]\nno_packing = true\n[stdio]"),
])
def test_a_stdio_kata_needs_its_render_file_and_has_no_rules(judge: pytest.Pytester, change, complaint) -> None:
    definition = judge.path / "katas/count_even_odd_stdio/kata.toml"
    text = definition.read_text()
    if complaint.startswith("[rules]"):
        definition.write_text(text.replace(change, complaint))
        complaint = "key 'rules': a program reading standard input (interface = \"stdio\") has no such check"
    else:
        definition.write_text(text.replace(change, ""))
    result = judge.runpytest("--kata")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{complaint}*"])


SOLVE = '''
def solve(data):
    n = int(data[0])
    arr = [int(v) for v in data[1:1 + n]]
    position, answers = 2 + n, []
    for _ in range(int(data[1 + n])):
        kind, x, y = (int(v) for v in data[position:position + 3])
        position += 3
        if kind == 0:
            arr[x] = y
        else:
            odd = sum(v % 2 for v in arr[x:y + 1])
            answers.append(odd if kind == 2 else y - x + 1 - odd)
    return answers
'''


@pytest.mark.parametrize("ending", [
    # the judge idioms: the file descriptors themselves, and a closed stdout at the end
    "import os\nanswers = solve(open(0, 'rb').read().split())\nos.write(1, ''.join(f'{a}\\n' for a in answers).encode())\n",
    "import sys\nsys.stdout.write(' '.join(map(str, solve(sys.stdin.read().split()))))\nsys.stdout.close()\n",
    "import sys\nsys.stdout.buffer.write(b'\\n'.join(str(a).encode() for a in solve(sys.stdin.buffer.read().split())))\n",
])
def test_programs_may_use_the_file_descriptors_as_on_a_judge(judge: pytest.Pytester, ending: str) -> None:
    run_program(judge, SOLVE + ending).assert_outcomes(passed=2)
