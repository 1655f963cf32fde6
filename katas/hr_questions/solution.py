"""HR round: eight questions. Replace every __ with your answer, written out in full.

`story(situation=..., task=..., action=..., result=...)` takes a STAR story:
four parts of at least 8 words each, 60 to 400 words in all. `answer(...)`
takes a free answer of 40 to 300 words. Only the form is checked: the content
is yours. Run `pytest --kata -k hr_questions` to see which card is next.
"""
from pytest_kata import __


def card_about_yourself(answer):
    """Who you are at work now, what you are proud of, where you are heading."""
    answer(__)


def card_strengths(answer):
    """Two or three strengths that matter for this job, each with an example."""
    answer(__)


def card_why_this_company(answer):
    """What draws you to this company in particular."""
    answer(__)


def card_weaknesses(story):
    """A real weakness, told as a story of how you are working on it."""
    story(situation=__,
          task=__,
          action=__,
          result=__)


def card_stress_and_pressure(story):
    """A time the pressure was on, and what you did about it."""
    story(situation=__,
          task=__,
          action=__,
          result=__)


def card_alone_or_team(story):
    """Which way you work best, shown with a project where you did both."""
    story(situation=__,
          task=__,
          action=__,
          result=__)


def card_failure(story):
    """A real failure of yours, and what you changed after it."""
    story(situation=__,
          task=__,
          action=__,
          result=__)


def card_our_company(answer):
    """What you know about the company, and a question of your own."""
    answer(__)
