"""An example plugin for pytest-kata, as a conftest.py beside the katas it serves.

pytest loads it when it collects this folder (`pytest --kata --kata-path=examples/extending`);
the same functions in an installed module, registered through the `pytest11`
entry point, would apply to every run. Each hook here returns None for the katas
it does not know, which hands the decision to the built-in implementation.
"""
import os


def pytest_kata_compare(kata, expected, actual):
    """The greet kata accepts any capitalisation and spacing of the expected greeting."""
    if kata.id != "greet" or not (isinstance(expected, str) and isinstance(actual, str)):
        return None
    return " ".join(expected.casefold().split()) == " ".join(actual.casefold().split())


def pytest_kata_strategy(kata, parameters, label):
    """Names for the greet kata: letters, spaces and a few accented ones, never empty."""
    if kata.id != "greet":
        return None
    from hypothesis import strategies as st

    names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÁÉÍÓÚ ", min_size=1, max_size=12)
    return st.tuples(names.filter(str.strip))


def pytest_kata_report(config, document):
    """A report sink: one line per kata appended to the file named by KATA_SCOREBOARD, if set."""
    path = os.environ.get("KATA_SCOREBOARD")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as board:
        for kata in document.get("katas", []):
            board.write(f"{kata['id']}\t{kata['status']}\t{kata['score']:g}/{kata['max_score']:g}\n")
