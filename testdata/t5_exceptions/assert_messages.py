# assert statements: with/without message, message evaluation laziness, AssertionError args.
def check(v):
    try:
        assert v > 0
        return "ok"
    except AssertionError as e:
        return f"AssertionError args={e.args} str={str(e)!r}"
print(check(1), check(-1))
def check_msg(v):
    try:
        assert v % 2 == 0, f"{v} is odd"
        return "even"
    except AssertionError as e:
        return f"AssertionError: {e} args={e.args}"
print(check_msg(4), check_msg(5))
def noisy_msg():
    print("message evaluated")
    return "noisy"
assert True, noisy_msg()
print("no message evaluated for passing assert")
try:
    assert False, noisy_msg()
except AssertionError as e:
    print("caught", e)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("args", e.args, repr(e))
try:
    assert 0, 42
except AssertionError as e:
    print("int message", e.args[0] + 1)
try:
    assert None
except AssertionError as e:
    print("bare", repr(e))
values = [3, 0, 2]
for v in values:
    try:
        assert v, "zero found"
        print("value", v)
    except AssertionError as e:
        print("skip:", e)
class Cond:
    def __bool__(self):
        print("__bool__ called")
        return False
try:
    assert Cond(), "custom bool false"
except AssertionError as e:
    print(e)
def nested():
    try:
        assert 1 == 2, "inner"
    except AssertionError:
        raise AssertionError("outer")
try:
    nested()
except AssertionError as e:
    print(e, "<-", e.__context__)
print(__debug__)
