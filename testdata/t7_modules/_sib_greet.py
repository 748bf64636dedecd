"""Greetings: a sibling module of import_sibling.py."""
print("loading _sib_greet, __name__ =", __name__)

GREETING = "hello"
_private = "hidden"
count = 0


def greet(name):
    global count
    count += 1
    return f"{GREETING}, {name}!"


class Greeter:
    def __init__(self, who):
        self.who = who

    def __repr__(self):
        return f"Greeter({self.who!r})"


if __name__ == "__main__":
    print("never printed: _sib_greet is imported, not run")
