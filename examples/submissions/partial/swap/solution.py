"""A partial submission: swap only; count_even_odd/solution.py was never handed in."""


def swap(a, b):
    b = a - b  # the difference keeps what is needed to recover both
    a = a - b  # a minus (a - b) leaves the old b
    b = a + b  # the old b plus (old a - old b) leaves the old a
    return a, b
