"""Known-wrong: right answers, too slow. Every counting query walks its whole
range, and the input is never preprocessed, so Q queries over N elements cost
O(N * Q) steps: about 10^10 at the stated limits, where O(log N) per query is
asked for. Only a check that measures running time can catch it.
"""
# expect: performance fails


def count_even_odd(arr, queries):
    values = list(arr)
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            values[x] = y
            continue
        odd = 0
        for index in range(x, y + 1):
            odd += values[index] % 2
        answers.append(odd if kind == 2 else (y - x + 1) - odd)
    return answers
