"""Reference for count_even_odd: a Fenwick tree over 'is odd', O(log N) per operation."""


def count_even_odd(arr, queries):
    n = len(arr)
    tree = [0] * (n + 1)

    def add(index, delta):
        index += 1
        while index <= n:
            tree[index] += delta
            index += index & -index

    def odd_before(index):  # odd numbers in arr[0:index]
        total = 0
        while index > 0:
            total += tree[index]
            index -= index & -index
        return total

    parity = [value & 1 for value in arr]
    for index, odd in enumerate(parity):
        if odd:
            add(index, 1)

    answers = []
    for kind, x, y in queries:
        if kind == 0:
            new = y & 1
            if new != parity[x]:
                add(x, new - parity[x])
                parity[x] = new
        else:
            odd = odd_before(y + 1) - odd_before(x)
            answers.append(odd if kind == 2 else (y - x + 1) - odd)
    return answers
