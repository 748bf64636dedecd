# When the failing expression is the whole (stripped) line, no carets.
def check(level):
    if level > 2:
        raise ValueError(f"level {level} is too deep")
    check(level + 1)


def run():
    check(0)


run()
