"""The backs of the cards that passed: what each answered question teaches."""
from __future__ import annotations

import textwrap

from .results import RunResults

WIDTH = 80


class CardBacks:
    """A plugin on the reporting process: after the run, the back of every card that passed."""

    def __init__(self, results: RunResults) -> None:
        self.results = results

    def passed_cards(self) -> list[dict]:
        found = [entry["fields"] for entry in self.results.checks.values()
                 if entry["status"] == "passed" and entry["fields"].get("back")
                 and entry["fields"].get("student") is None]
        return sorted(found, key=lambda f: (f["round"] or 0, f["order"], f["kata"], f["position"]))

    def pytest_terminal_summary(self, terminalreporter) -> None:
        cards = self.passed_cards()
        if not cards:
            return
        terminalreporter.write_sep("=", "kata cards: the back of every card you answered")
        write = terminalreporter.write_line
        if terminalreporter.verbosity < 0:  # -q: just the count
            write(f"{len(cards)} cards passed; run without -q to read their backs")
            return
        for fields in cards:
            question = fields["question"].splitlines()[0]
            write(textwrap.shorten(f"{fields['kata']}::{fields['check']}  {question}", WIDTH), green=True)
            for line in textwrap.wrap(" ".join(fields["back"].split()), WIDTH - 4):
                write(f"    {line}")
