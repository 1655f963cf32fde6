"""Known-wrong: the range is read as half-open. The Fenwick tree is sound and
fast, but a query (type, x, y) counts arr[x..y-1]: the element at index y is
never looked at, so every answer whose last element matters is off by one
(and a one-element range always counts 0).
"""
# expect: examples, generated fails


def count_even_odd(arr, queries):
    n = len(arr)
    tree = [0] * (n + 1)

    def add(index, delta):
        index += 1
        while index <= n:
            tree[index] += delta
            index += index & -index

    def odd_before(index):  # odd numbers among arr[0], ..., arr[index - 1]
        total = 0
        while index > 0:
            total += tree[index]
            index -= index & -index
        return total

    parity = [value % 2 for value in arr]
    for index, odd in enumerate(parity):
        if odd:
            add(index, 1)

    answers = []
    for kind, x, y in queries:
        if kind == 0:
            if y % 2 != parity[x]:
                add(x, y % 2 - parity[x])
                parity[x] = y % 2
            continue
        odd = odd_before(y) - odd_before(x)  # the bug: should stop after y, at y + 1
        answers.append(odd if kind == 2 else (y - x) - odd)
    return answers
