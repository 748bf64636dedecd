# Tracebacks through dunders an opcode runs as frames: an exception other
# than StopIteration leaving __next__ (FOR_ITER), __bool__ (if) and __eq__
# (==), each raised while handling the one before.
class It:
    def __iter__(self):
        return self

    def __next__(self):
        return fail("next")


class Truth:
    def __bool__(self):
        return fail("bool")


class Eq:
    def __eq__(self, other):
        return fail("eq")


def fail(what):
    raise ValueError(what)


def loop():
    for x in It():
        pass


def main():
    try:
        loop()
    except ValueError:
        try:
            if Truth():
                pass
        except ValueError:
            Eq() == 1


main()
