# Unbounded recursion through dunders an opcode runs (__eq__ by ==,
# __bool__ by if/not, __next__ by for) is a RecursionError, and the program
# goes on normally afterwards.
class Eq:
    def __init__(self, depth):
        self.depth = depth

    def __eq__(self, other):
        return Eq(self.depth + 1) == other


class Lt:
    def __lt__(self, other):
        return other > self

    def __gt__(self, other):
        return other < self


class Truth:
    def __init__(self, depth):
        self.depth = depth

    def __bool__(self):
        if Truth(self.depth + 1):
            return True
        return False


class Negated:
    def __bool__(self):
        return not Negated()


class Length:
    def __len__(self):
        return 1 if Length() else 0


class Walk:
    def __init__(self, depth):
        self.depth = depth

    def __iter__(self):
        return self

    def __next__(self):
        for item in Walk(self.depth + 1):
            return item
        raise StopIteration


def attempt(label, fn):
    try:
        fn()
        print(label, "returned")
    except RecursionError:
        print(label, "RecursionError")


attempt("__eq__", lambda: Eq(0) == 1)
attempt("__lt__/__gt__", lambda: Lt() < Lt())
attempt("__bool__ via if", lambda: bool(Truth(0)) if Truth(0) else None)
attempt("__bool__ via not", lambda: not Negated())
attempt("__len__", lambda: not Length())
attempt("__next__", lambda: [x for x in Walk(0)])


def recurse_in_loop(n):
    for x in Walk(0):
        return x


attempt("__next__ in a function", lambda: recurse_in_loop(0))
# Everything still works after the errors.
print(Eq(0) == Eq(0) if False else "still running", list(range(3)))
