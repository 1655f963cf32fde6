"""Which folders a run collects, and that plain pytest runs stay untouched."""
from __future__ import annotations

import pytest

from conftest import TOTAL_REFERENCE, TOTAL_TOML, write_kata

CORRECT = "def total(xs):\n    return sum(xs)\n"


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """An ordinary test suite beside a kata collection."""
    pytester.makepyfile(test_ordinary="def test_one():\n    assert 1 + 1 == 2\n")
    write_kata(pytester.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    return pytester


def test_plain_pytest_is_unaffected(project: pytest.Pytester) -> None:
    result = project.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*test_ordinary.py::test_one PASSED*"])
    result.stdout.no_fnmatch_line("kata:*")
    result.stdout.no_fnmatch_line("*katas/*")


def test_plain_pytest_does_not_import_the_heavy_parts(project: pytest.Pytester) -> None:
    # Checked when the session ends, after every hook of ours has had its chance to run.
    project.makeconftest('''
        import sys

        def pytest_unconfigure(config):
            loaded = sorted(name for name in sys.modules if name.startswith("pytest_kata"))
            with open("loaded.txt", "w") as out:
                out.write("\\n".join(loaded))
    ''')
    project.runpytest_subprocess().assert_outcomes(passed=1)
    loaded = (project.path / "loaded.txt").read_text().split()
    # The hook specifications are registered early so that any conftest may implement them.
    assert loaded == ["pytest_kata", "pytest_kata.hookspecs", "pytest_kata.plugin", "pytest_kata.settings"]


def test_kata_runs_only_the_katas(project: pytest.Pytester) -> None:
    result = project.runpytest("--kata", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["kata: seed *", "*katas/total::generated PASSED*"])
    result.stdout.no_fnmatch_line("*test_ordinary*")


def test_loose_python_files_in_a_kata_path_are_not_tests(project: pytest.Pytester) -> None:
    (project.path / "katas" / "test_stray.py").write_text("def test_stray():\n    assert False\n")
    project.runpytest("--kata").assert_outcomes(passed=1)


def test_new_kata_folder_is_picked_up_without_registration(project: pytest.Pytester) -> None:
    write_kata(project.path, "nested/total_two", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    result = project.runpytest("--kata", "-v")
    result.stdout.fnmatch_lines(["*katas/nested/total_two::generated PASSED*"])
    result.assert_outcomes(passed=2)


def test_kata_path_is_repeatable_and_replaces_the_default(project: pytest.Pytester) -> None:
    write_kata(project.path, "first", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT, collection="more")
    write_kata(project.path, "second", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT, collection="extra")
    result = project.runpytest("--kata-path", "more", "--kata-path", "extra", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*more/first::generated PASSED*", "*extra/second::generated PASSED*"])
    result.stdout.no_fnmatch_line("*katas/total*")


def test_ini_option_names_the_kata_paths(project: pytest.Pytester) -> None:
    write_kata(project.path, "first", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT, collection="drills")
    project.makeini("[pytest]\nkata_paths = drills\n")
    result = project.runpytest("--kata", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*drills/first::generated PASSED*"])


def test_missing_kata_path_is_a_usage_error(project: pytest.Pytester) -> None:
    result = project.runpytest("--kata-path", "nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*kata path *nowhere is not a folder*"])


def test_bad_seed_is_a_usage_error(project: pytest.Pytester) -> None:
    result = project.runpytest("--kata-seed", "ten")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*'ten' is not a whole number*"])


def test_k_x_and_last_failed_select_checks(project: pytest.Pytester) -> None:
    write_kata(project.path, "broken_total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return 0\n")
    project.runpytest("--kata", "-k", "broken").assert_outcomes(failed=1)
    project.runpytest("--kata", "-x").assert_outcomes(failed=1)
    result = project.runpytest("--kata", "--lf", "-v")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*katas/broken_total::generated FAILED*"])


def test_xdist_and_junitxml(project: pytest.Pytester) -> None:
    write_kata(project.path, "broken_total", TOTAL_TOML, reference=TOTAL_REFERENCE,
               solution="def total(xs):\n    return 0\n")
    result = project.runpytest("--kata", "-n", "2", "--junitxml", "report.xml")
    result.assert_outcomes(passed=1, failed=1)
    xml = (project.path / "report.xml").read_text()
    assert 'name="generated"' in xml and "returned the wrong value" in xml


def test_paths_on_the_command_line_narrow_the_run(project: pytest.Pytester) -> None:
    write_kata(project.path, "other", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT)
    result = project.runpytest("--kata", "katas/other", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*katas/other::generated PASSED*"])


def test_seed_zero_also_means_a_kata_run(project: pytest.Pytester) -> None:
    result = project.runpytest("--kata-seed", "0", "-v")
    result.stdout.fnmatch_lines(["kata: seed 0 *", "*katas/total::generated PASSED*"])


def test_two_katas_with_one_id_are_an_error(project: pytest.Pytester) -> None:
    write_kata(project.path, "total", TOTAL_TOML, reference=TOTAL_REFERENCE, solution=CORRECT, collection="more")
    result = project.runpytest("--kata-path", "katas", "--kata-path", "more")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["more/total/kata.toml: the kata id 'total' is already used by katas/total; *"])
