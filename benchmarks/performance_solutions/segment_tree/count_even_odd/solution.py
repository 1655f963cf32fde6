def count_even_odd(arr, queries):
    n = len(arr)
    tree = [0] * (2 * n)
    for i, v in enumerate(arr):
        tree[n + i] = v & 1
    for i in range(n - 1, 0, -1):
        tree[i] = tree[2 * i] + tree[2 * i + 1]
    out = []
    for kind, x, y in queries:
        if kind == 0:
            i = x + n
            tree[i] = y & 1
            i //= 2
            while i:
                tree[i] = tree[2 * i] + tree[2 * i + 1]
                i //= 2
        else:
            lo, hi, odd = x + n, y + n + 1, 0
            while lo < hi:
                if lo & 1:
                    odd += tree[lo]; lo += 1
                if hi & 1:
                    hi -= 1; odd += tree[hi]
                lo //= 2; hi //= 2
            out.append(odd if kind == 2 else (y - x + 1) - odd)
    return out
