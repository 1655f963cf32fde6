"""A slow submission: right answers, but it finds parity by subtracting 2 until 0 or 1 is left.

Fine for the examples' small numbers; an element near 10**9 takes minutes, so
the generated check's inputs hit the time limit.
"""


def parity(value):
    while value > 1:
        value -= 2
    return value


def count_even_odd(arr, queries):
    odd = [parity(value) for value in arr]
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            odd[x] = parity(y)
        else:
            count = sum(odd[x:y + 1])
            answers.append(count if kind == 2 else y - x + 1 - count)
    return answers
