"""Palindrome Check: your solution. Run `pytest --kata` to check it.

Read the statement with the hints in is_palindrome/kata.toml.
"""


def is_palindrome(text: str) -> bool:
    """True when text's letters and digits, case aside, read the same both ways."""
    # Your code here.
