# Exception args, str() and repr() for zero, one and many arguments; custom __str__; attributes.
cases = [Exception(), Exception("msg"), Exception("a", 2), Exception(None), Exception(""), ValueError(3.5),
         KeyError("key"), KeyError(), KeyError("a", "b"), IndexError(0), OSError(2, "No such file"), StopIteration(7)]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = Exception("x")
e.args = ("changed", 1)
print(str(e), repr(e))
e.extra = "attribute"
print(e.extra)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"E{self.code}: {self.msg}"
m = MyErr(404, "not found")
print(m.args, str(m), repr(m), m.code)
try:
    raise m
except MyErr as caught:
    print("caught", caught, caught is m)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args, repr(NoSuper(1, 2)), str(NoSuper(1, 2)))
try:
    raise ValueError
except ValueError as e2:
    print("class raised:", repr(e2), e2.args)
try:
    raise 42
except TypeError as e2:
    print("TypeError:", e2)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e2:
    print("TypeError:", e2)
se = StopIteration(5)
print(se.value, StopIteration().value, OSError(2, "msg").errno, OSError(2, "msg").strerror)
ki = KeyError("k")
print(str(ki), str(KeyError(1)), str(KeyError("")), str(KeyError(("t",))))
print(BaseException("b").args, isinstance(KeyboardInterrupt(), Exception), issubclass(SystemExit, BaseException))
print(ValueError("a") == ValueError("a"), str(ValueError(["list"])), str(TypeError({"k": "v"})))
print(SyntaxError("bad", ("f.py", 1, 2, "x y")).msg, UnicodeError("u").args)
