# Errors the triggering instruction raises after the dunder's frame
# returned: a __bool__ that returns an int (while), a negative __len__
# (not), orderings whose methods all return NotImplemented (<).
class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


class NoLt:
    def __lt__(self, other):
        return NotImplemented


def main():
    try:
        while BadBool():
            pass
    except TypeError:
        try:
            x = not BadLen()
        except ValueError:
            NoLt() < NoLt()


main()
