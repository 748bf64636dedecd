# with statements: __enter__/__exit__ ordering, suppression, nesting, multiple managers, generator-free.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"open {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        status = exc_type.__name__ if exc_type else "clean"
        print(f"close {self.name} ({status}) tb_is_none={tb is None} msg={exc}")
        return self.suppress


with Resource("a") as val:
    print("inside", val)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Resource("c"):
        raise KeyError("propagated")
except KeyError as e:
    print("caught outside", repr(e))
with Resource("outer") as o, Resource("inner", suppress=True) as i:
    print("both", o, i)
    raise RuntimeError("only inner sees it first")
print("inner suppressed it")
with (Resource("p1") as x,
      Resource("p2") as y):
    print("parenthesized", x, y)


def use_in_function(n):
    with Resource(f"f{n}"):
        if n == 0:
            return "early return"
        for k in range(3):
            if k == n:
                return f"loop return {k}"
    return "fell through"


print(use_in_function(0), use_in_function(2), use_in_function(5))


class Timer:
    depth = 0

    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + f"enter depth {Timer.depth}")
        return self

    def __exit__(self, *args):
        print("  " * Timer.depth + f"exit depth {Timer.depth}")
        Timer.depth -= 1


with Timer():
    with Timer():
        with Timer() as t:
            print("deepest", type(t).__name__)


class BadEnter:
    def __enter__(self):
        raise OSError("cannot enter")

    def __exit__(self, *a):
        print("never called")


try:
    with BadEnter():
        print("not reached")
except OSError as e:
    print("OSError:", e)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise TypeError(f"exit replaced {et.__name__ if et else None}")


try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
