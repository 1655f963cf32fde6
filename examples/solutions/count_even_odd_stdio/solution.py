"""A worked program for count_even_odd_stdio: a Fenwick tree over 'is odd', fast input."""
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    odd = [int(value) & 1 for value in data[1:1 + n]]
    q = int(data[1 + n])
    tree = [0] * (n + 1)
    for index, bit in enumerate(odd, start=1):  # build in O(N)
        tree[index] += bit
        parent = index + (index & -index)
        if parent <= n:
            tree[parent] += tree[index]

    def odd_before(index):  # odd numbers among the first `index` elements
        total = 0
        while index > 0:
            total += tree[index]
            index -= index & -index
        return total

    out = []
    position = 2 + n
    for _ in range(q):
        kind, x, y = int(data[position]), int(data[position + 1]), int(data[position + 2])
        position += 3
        if kind == 0:
            bit = y & 1
            if bit != odd[x]:
                delta = bit - odd[x]
                odd[x] = bit
                index = x + 1
                while index <= n:
                    tree[index] += delta
                    index += index & -index
        else:
            count = odd_before(y + 1) - odd_before(x)
            out.append(count if kind == 2 else (y - x + 1) - count)
    sys.stdout.write("".join(f"{count}\n" for count in out))


main()
