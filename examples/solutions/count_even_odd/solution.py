"""A worked solution for count_even_odd: a segment tree of odd counts, O(log N) per operation."""


def count_even_odd(arr: list[int], queries: list[tuple[int, int, int]]) -> list[int]:
    size = 1
    while size < len(arr):
        size *= 2
    odd = [0] * (2 * size)  # odd[size + i] is 1 when arr[i] is odd; inner nodes add up children
    for i, value in enumerate(arr):
        odd[size + i] = value % 2
    for node in range(size - 1, 0, -1):
        odd[node] = odd[2 * node] + odd[2 * node + 1]

    answers = []
    for kind, x, y in queries:
        if kind == 0:
            node = size + x
            odd[node] = y % 2
            node //= 2
            while node:
                odd[node] = odd[2 * node] + odd[2 * node + 1]
                node //= 2
            continue
        count, low, high = 0, x + size, y + size + 1  # half-open [low, high) over the leaves
        while low < high:
            if low & 1:
                count += odd[low]
                low += 1
            if high & 1:
                high -= 1
                count += odd[high]
            low //= 2
            high //= 2
        answers.append(count if kind == 2 else (y - x + 1) - count)
    return answers
