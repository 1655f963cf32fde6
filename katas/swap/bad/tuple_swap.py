"""Known-wrong: the everyday Python swap. It returns the right pair for every
input, yet it never exchanges the values held in a and b: it hands back a new
pair (b, a) instead of ending with `return a, b`, which is what the
interviewer's follow-up asks for. Only the rules check can tell.
"""
# expect: rules fails


def swap(a, b):
    return b, a
