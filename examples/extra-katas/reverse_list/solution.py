"""Reverse a Linked List: your solution. Run `pytest --kata` to check it.

Read the statement with the hints in reverse_list/kata.toml.
"""


def reverse_list(node: tuple) -> tuple:
    """Return the linked list node, written as nested pairs (v, rest), in reverse order."""
    # Your code here; bind only node, value and result, and finish with: return result
