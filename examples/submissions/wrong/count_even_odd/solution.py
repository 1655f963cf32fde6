"""A wrong submission: the slice leaves out the last element of every range (arr[x:y], not arr[x:y + 1])."""


def count_even_odd(arr, queries):
    arr = list(arr)
    answers = []
    for kind, x, y in queries:
        if kind == 0:
            arr[x] = y
            continue
        odd = sum(value % 2 for value in arr[x:y])  # off by one: y is inclusive
        answers.append(odd if kind == 2 else (y - x) - odd)
    return answers
