# match: sequence patterns, star patterns, nested patterns.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [0, *_]:
            return "starts with 0"
        case [[a, b], [c, d]]:
            return f"matrix {a}{b}{c}{d}"
        case [a, b] if a == b:
            return f"pair of equal {a}"
        case (a, b):
            return f"pair {a},{b}"
        case [first, *middle, last] if not middle:
            return "unreachable"
        case [1, *rest]:
            return f"starts with 1, rest={rest}"
        case [first, *middle, 99]:
            return f"ends with 99 first={first} middle={middle}"
        case [(1 | 2) as k, str() as s, *_]:
            return f"k={k} s={s}"
        case [*_, [*inner]]:
            return f"last is seq {inner}"
        case _:
            return "other"


tests = [[], [5], (7,), [0, 1, 2], [3, 3], (3, 4), [1, 2, 3, 4], [5, 6, 99], [5, 99],
         [[1, 2], [3, 4]], [2, "x", None], [9, 9, [8, 7]], "abc", "ab", b"ab", {1: 2},
         range(2), [8, 9, 10]]
for t in tests:
    print(repr(t), "->", seq(t))


def points(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y-axis {y}"
        case (x, 0):
            return f"x-axis {x}"
        case (x, y, *zs) if zs:
            return f"higher dim {x} {y} {zs}"
        case (x, y):
            return f"point {x} {y}"


for p in [(0, 0), (0, 3), (4, 0), (1, 2), (1, 2, 3, 4), [5, 6]]:
    print(p, points(p))


def cmd(line):
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["go", _]:
            return "bad direction"
        case ["take", *objs] if objs:
            return "taking " + ", ".join(objs)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"


for line in ["go north", "go up", "take a b c", "take", "quit", "exit", "dance now", ""]:
    print(repr(line), cmd(line))
