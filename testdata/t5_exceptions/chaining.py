# Exception chaining: implicit __context__, explicit __cause__, raise from None, __suppress_context__.
def show(e):
    print(type(e).__name__, repr(e), "cause=", repr(e.__cause__), "context=", repr(e.__context__), "suppress=", e.__suppress_context__)
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        [][1]
    except IndexError as ie:
        raise RuntimeError("explicit") from ie
except RuntimeError as e:
    show(e)
    print(e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)
try:
    raise OSError("no context") from KeyError("cause only")
except OSError as e:
    show(e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            raise KeyError("c")
except KeyError as e:
    show(e)
    show(e.__context__)
    show(e.__context__.__context__)
err = ValueError("manual")
err.__cause__ = KeyError("set by hand")
print(err.__suppress_context__, repr(err.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from ZeroDivisionError
except ValueError as e:
    show(e)
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    show(e)
try:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise v
except ValueError as e:
    show(e)
