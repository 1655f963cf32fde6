"""A worked solution for swap: exclusive or undoes itself, so no third variable is needed."""


def swap(a: int, b: int) -> tuple[int, int]:
    a = a ^ b  # a holds both values folded together
    b = a ^ b  # (a ^ b) ^ b leaves the old a
    a = a ^ b  # (a ^ b) ^ old a leaves the old b
    return a, b
