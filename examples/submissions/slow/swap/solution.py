"""The slow student's swap is right: exclusive or undoes itself."""


def swap(a, b):
    a ^= b
    b ^= a
    a ^= b
    return a, b
