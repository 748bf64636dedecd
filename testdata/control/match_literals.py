# match: literal, capture, wildcard, value, or, as and guard patterns.
class Color:
    RED = "red"
    GREEN = "green"


class math:
    pi = 3.141592653589793


def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary two"
        case -1+2j:
            return "complex"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "color red"
        case math.pi:
            return "pi"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case (4 | 5 | 6) as v:
            return f"mid {v}"
        case other:
            return f"other {other!r}"


for value in [0, 1, 3, -1, 1.5, 2j, -1+2j, "hi", "hello", b"bytes", True, None, "red",
              "green", math.pi, "lengthy", "short", 1000, 5, 7, 1.0, False, 2.0]:
    print(repr(value), "->", describe(value))


def wildcard(x):
    match x:
        case "a":
            print("A!")
        case _:
            print("anything", x)


wildcard("a")
wildcard([1])
y = 10
match y:
    case 10 if y < 5:
        print("guard failed path")
    case 10 if y > 5:
        print("guard ok", y)
match "no match here":
    case "x":
        print("never")
print("done without match")
