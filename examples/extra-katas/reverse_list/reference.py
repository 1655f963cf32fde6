"""Reference for reverse_list: move the pairs across one at a time."""


def reverse_list(node):
    result = ()
    while node:
        value, node = node
        result = (value, result)
    return result
