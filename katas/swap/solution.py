"""Swap Two Numbers: your solution. Run `pytest --kata` to check it.

Read the statement with the hints in katas/swap/kata.toml.
"""


def swap(a: int, b: int) -> tuple[int, int]:
    """Return (b, a), assigning only to a and b, with no tuple built on the way."""
    # Your code here; finish with: return a, b
