"""Reference for swap."""


def swap(a, b):
    return b, a
