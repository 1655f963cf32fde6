"""Count Even or Odd: your solution. Run `pytest --kata` to check it.

Read the statement with the hints in katas/count_even_odd/kata.toml.
"""


def count_even_odd(arr: list[int], queries: list[tuple[int, int, int]]) -> list[int]:
    """Apply the queries to arr in order and return the answers to the counting ones.

    Query (0, x, y) sets arr[x] = y; (1, x, y) counts the even numbers in
    arr[x..y] inclusive; (2, x, y) counts the odd ones. Indices start at 0.
    """
    # Your code here.
