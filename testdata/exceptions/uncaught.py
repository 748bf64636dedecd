# Ends with an uncaught exception: stdout is flushed, finally blocks run, exit status is 1.
class FatalError(Exception):
    pass


def level3(n):
    try:
        if n > 2:
            raise FatalError(f"giving up at level {n}")
        return n
    finally:
        print("level3 finally", n)


def level2(n):
    with Guard("g2"):
        return level3(n) * 10


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("guard enter", self.name)

    def __exit__(self, et, ev, tb):
        print("guard exit", self.name, et.__name__ if et else None)


def level1(n):
    try:
        return level2(n)
    except KeyError:
        print("not this one")


for i in range(4):
    try:
        print("result", level1(i))
    except FatalError as e:
        print("caught", e)
print("now failing for real")
try:
    level1(5)
finally:
    print("outer finally before exit")
print("never printed")
