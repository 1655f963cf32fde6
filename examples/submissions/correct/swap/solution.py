"""A correct submission: the sum keeps both numbers, subtraction takes them apart again."""


def swap(a, b):
    a = a + b  # both numbers, folded into a
    b = a - b  # the sum minus the old b leaves the old a
    a = a - b  # the sum minus the old a leaves the old b
    return a, b
