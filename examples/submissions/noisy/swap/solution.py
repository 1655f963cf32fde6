"""A noisy but correct swap: it narrates every step, on stdout and on the raw file descriptor."""
import os


def swap(a, b):
    print("before:", a, b)
    a = a ^ b
    os.write(1, f"a is now {a}\n".encode() * 100)
    b = a ^ b
    print("b is now", b, "!" * 10000)
    a = a ^ b
    os.write(2, b"done\n" * 1000)
    return a, b
