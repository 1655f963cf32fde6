"""A correct submission: a Fenwick (binary indexed) tree counting odd numbers, O(log N) per query."""


def count_even_odd(arr, queries):
    size = len(arr)
    odd = [value % 2 for value in arr]

    # fenwick[i] holds the odd count of arr[i - (i & -i) : i]; built in O(N).
    fenwick = [0] + odd
    for i in range(1, size + 1):
        parent = i + (i & -i)
        if parent <= size:
            fenwick[parent] += fenwick[i]

    def odd_in_prefix(length):  # odd numbers in arr[:length]
        count = 0
        while length:
            count += fenwick[length]
            length &= length - 1  # drop the lowest set bit
        return count

    answers = []
    for kind, x, y in queries:
        if kind == 0:
            change = y % 2 - odd[x]
            if change:
                odd[x] += change
                i = x + 1
                while i <= size:
                    fenwick[i] += change
                    i += i & -i
        else:
            odds = odd_in_prefix(y + 1) - odd_in_prefix(x)
            answers.append(odds if kind == 2 else y - x + 1 - odds)
    return answers
