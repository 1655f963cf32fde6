"""A hostile submission: end the process with a success code before any answer is checked."""
import os
import sys


def count_even_odd(arr, queries):
    sys.stdout.write("All tests passed!\n")
    sys.stdout.flush()
    os._exit(0)
