"""The judge's text format of count_even_odd: how an input is written, how answers are printed."""


def render_input(arr, queries):
    lines = [str(len(arr)), " ".join(map(str, arr)), str(len(queries))]
    lines += [f"{kind} {x} {y}" for kind, x, y in queries]
    return "\n".join(lines) + "\n"


def render_output(answers):
    return "".join(f"{count}\n" for count in answers)
