"""A noisy submission: debugging output everywhere, through every channel. Its answers are
right, but it scans every range, so the performance check stops it."""
import os
import sys

print("loading count_even_odd " + "=" * 5000)  # at import time too


def count_even_odd(arr, queries):
    print("arr:", arr)
    print("queries:", queries)
    print("." * 20000)
    sys.stderr.write("debug on stderr\n" * 500)
    os.write(1, b"raw bytes on fd 1\n" * 2000)  # past sys.stdout, straight to the file descriptor
    os.write(2, b"raw bytes on fd 2\n" * 2000)
    values = list(arr)
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            values[x] = y
            continue
        odd = sum(value % 2 for value in values[x:y + 1])
        print("query", kind, x, y, "->", odd)
        answers.append(odd if kind == 2 else y - x + 1 - odd)
    print("answers:", answers, flush=True)
    return answers
