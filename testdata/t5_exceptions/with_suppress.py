# with statement: __enter__/__exit__ order, exit args, suppression via truthy return, nested with.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev), tb is not None)
        return self.suppress
with CM("plain") as v:
    print("body", v)
with CM("sup", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("nosup"):
        raise KeyError("passes")
except KeyError as e:
    print("caught", repr(e))
with CM("outer", True) as o, CM("inner") as i:
    print("nested body", o, i)
    raise TypeError("from nested")
print("after nested")
with CM("a"):
    with CM("b", True):
        with CM("c"):
            raise IndexError("deep")
    print("after b")
def ret():
    with CM("in-func"):
        return "returned"
print(ret())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with BadEnter():
        print("not here")
except RuntimeError as e:
    print("RuntimeError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("body")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
class NotCM:
    pass
try:
    with NotCM():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
