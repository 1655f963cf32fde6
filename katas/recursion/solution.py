"""Recursion: one card. Replace the __ in digit_sum with a recursive body.

Run `pytest --kata -k recursion` to check it.
"""
from pytest_kata import __


def digit_sum(n: int) -> int:
    """Return the sum of the decimal digits of n, for n >= 0: digit_sum(4071) == 12.

    Write it recursively, in place of the __ below:
    - the base case: a number below 10 is a single digit, so it is its own digit sum;
    - otherwise: the last digit (n % 10) plus digit_sum of the other digits (n // 10).
    """
    __
