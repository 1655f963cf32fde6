"""Large inputs for the performance check: the original limits, N = Q = 10**5."""

N = Q = 100_000
TOP = 10**9


def arguments(rng):
    """One argument tuple (arr, queries) drawn from ``rng``: about a third updates, the rest counts
    over ranges of every length. ``rng.random()`` is used because it is several times faster to
    draw than ``randrange``; the check's time budget includes making the input."""
    draw = rng.random
    arr = [int(draw() * (TOP + 1)) for _ in range(N)]
    queries = []
    for _ in range(Q):
        kind = int(draw() * 3)
        x = int(draw() * N)
        if kind == 0:
            queries.append((0, x, int(draw() * (TOP + 1))))
        else:
            queries.append((kind, x, x + int(draw() * (N - x))))
    return arr, queries
