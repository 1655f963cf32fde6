"""A worked solution for reverse_list: deal the pairs from one pile onto another."""


def reverse_list(node: tuple) -> tuple:
    result = ()  # the reversed part so far: empty at first
    while node:  # () and [] are both empty, so this ends on either
        value, node = node  # take the first pair apart
        result = (value, result)  # and put its value in front of the reversed part
    return result
