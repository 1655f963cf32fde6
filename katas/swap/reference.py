"""Reference for swap. It follows the kata's own rules, as a reference must: the sum of
the two numbers, held in a, lets each be recovered by subtraction."""


def swap(a, b):
    a = a + b
    b = a - b
    a = a - b
    return a, b
