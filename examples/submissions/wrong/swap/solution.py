"""A wrong submission: right answers, but it ignores the follow-up (no tuple on the way)."""


def swap(a, b):
    return b, a
