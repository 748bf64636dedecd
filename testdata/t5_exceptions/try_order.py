# Ordering of try/except/else/finally blocks across normal, handled and unhandled paths.
def run(mode):
    trace = []
    try:
        try:
            trace.append("try")
            if mode == "value":
                raise ValueError("v")
            if mode == "type":
                raise TypeError("t")
            trace.append("try-end")
        except ValueError as e:
            trace.append("except ValueError " + str(e))
        else:
            trace.append("else")
        finally:
            trace.append("finally")
        trace.append("after")
    except TypeError:
        trace.append("outer caught TypeError")
    return trace
for mode in ("ok", "value", "type"):
    print(mode, run(mode))
def else_raises():
    try:
        pass
    except ZeroDivisionError:
        print("not here")
    else:
        print("in else")
        1 / 0
    finally:
        print("finally after else")
try:
    else_raises()
except ZeroDivisionError as e:
    print("caught from else:", e)
def handler_raises():
    try:
        raise KeyError("k")
    except KeyError:
        print("handler")
        raise IndexError("from handler")
    finally:
        print("finally runs")
try:
    handler_raises()
except IndexError as e:
    print("outer got", repr(e), repr(e.__context__))
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("bound", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
