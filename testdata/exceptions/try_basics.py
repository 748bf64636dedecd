# try/except/else/finally flow, re-raise, exception attributes, builtin exception messages.
def attempt(fn, label):
    try:
        result = fn()
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e, e.args)
    except (KeyError, IndexError) as e:
        print(label, type(e).__name__, repr(e), str(e))
    except Exception as e:
        print(label, "Exception", type(e).__name__, e)
    else:
        print(label, "ok", result)
        return result
    finally:
        print(label, "finally")
    return None


attempt(lambda: 1 / 0, "div")
attempt(lambda: {}["k"], "key")
attempt(lambda: [][3], "index")
attempt(lambda: int("x1"), "int")
attempt(lambda: None.attr, "attr")
attempt(lambda: "a" + 1, "concat")
attempt(lambda: undefined_name, "name")
attempt(lambda: 10 // 3, "fine")
attempt(lambda: [1, 2].index(5), "listindex")
attempt(lambda: {"a": 1}.pop("b"), "pop")
attempt(lambda: next(iter([])), "next")
attempt(lambda: (1, 2)[5], "tuple")
attempt(lambda: int(None), "intnone")
attempt(lambda: len(5), "len")
attempt(lambda: 2 ** 10000 * 1.0, "overflow")
attempt(lambda: "abc".encode("ascii") and "é".encode("ascii"), "unicode")
attempt(lambda: [].pop(), "pop empty")
attempt(lambda: {1, 2} < 3, "cmp")


def finally_overrides():
    try:
        return "try"
    finally:
        print("finally runs before return")


def finally_return():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


print(finally_overrides(), finally_return())


def reraise():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            print("handling then re-raising")
            raise
    except ValueError as e:
        print("outer caught", e)
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    print("after except, name bound?", "e" in locals(), repr(err))


reraise()
counter = 0
while True:
    try:
        counter += 1
        if counter < 3:
            raise RuntimeError(f"attempt {counter}")
        print("succeeded on", counter)
        break
    except RuntimeError as e:
        print("retry after", e)
e = ValueError("a", 2, None)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("x")), str(KeyError("x")), str(OSError(2, "nf")))
print(isinstance(e, Exception), issubclass(KeyError, LookupError), ZeroDivisionError.__mro__)
