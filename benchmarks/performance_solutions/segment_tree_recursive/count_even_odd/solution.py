def count_even_odd(arr, queries):
    n = len(arr)
    tree = [0] * (4 * n)

    def build(node, lo, hi):
        if lo == hi:
            tree[node] = arr[lo] & 1
            return
        mid = (lo + hi) // 2
        build(2 * node, lo, mid)
        build(2 * node + 1, mid + 1, hi)
        tree[node] = tree[2 * node] + tree[2 * node + 1]

    def update(node, lo, hi, index, value):
        if lo == hi:
            tree[node] = value
            return
        mid = (lo + hi) // 2
        if index <= mid:
            update(2 * node, lo, mid, index, value)
        else:
            update(2 * node + 1, mid + 1, hi, index, value)
        tree[node] = tree[2 * node] + tree[2 * node + 1]

    def query(node, lo, hi, left, right):
        if right < lo or hi < left:
            return 0
        if left <= lo and hi <= right:
            return tree[node]
        mid = (lo + hi) // 2
        return query(2 * node, lo, mid, left, right) + query(2 * node + 1, mid + 1, hi, left, right)

    build(1, 0, n - 1)
    out = []
    for kind, x, y in queries:
        if kind == 0:
            update(1, 0, n - 1, x, y & 1)
        else:
            odd = query(1, 0, n - 1, x, y)
            out.append(odd if kind == 2 else (y - x + 1) - odd)
    return out
