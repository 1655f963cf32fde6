import math


def count_even_odd(arr, queries):
    n = len(arr)
    size = max(1, math.isqrt(n))
    odd = [v & 1 for v in arr]
    blocks = [sum(odd[i:i + size]) for i in range(0, n, size)]
    out = []
    for kind, x, y in queries:
        if kind == 0:
            new = y & 1
            if new != odd[x]:
                blocks[x // size] += new - odd[x]
                odd[x] = new
        else:
            total = 0
            i = x
            while i <= y:
                if i % size == 0 and i + size - 1 <= y:
                    total += blocks[i // size]; i += size
                else:
                    total += odd[i]; i += 1
            out.append(total if kind == 2 else (y - x + 1) - total)
    return out
