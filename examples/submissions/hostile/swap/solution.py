"""A hostile submission: answers that equal anything, and an attempt to patch the grader.

The function obeys every rule of the kata (it assigns only a and b, builds no
tuple on the way and ends with `return a, b`), so the rules check, which only
reads the code, passes; the checks that run it must not.
"""
import builtins

try:  # make the grader's own comparison agree with everything, if it can be reached from here
    import pytest_kata.values

    pytest_kata.values.same = lambda expected, actual: True
except ImportError:
    pass

builtins.all = lambda values: True  # a grader comparing lists item by item now sees no difference
builtins.sum = lambda values, start=0: 0


class Agreeable(int):
    """An int that claims to equal anything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def swap(a, b):
    a = Agreeable(a)
    b = Agreeable(b)
    return a, b
