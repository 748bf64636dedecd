# yield from non-generator iterables: send/throw fall back to next/raise.
def deleg(it):
    r = yield from it
    return r


print(list(deleg([1, 2])), list(deleg("ab")), list(deleg(range(3))))
print(list(deleg({"x": 1, "y": 2})), list(deleg((i * 2 for i in range(3)))))
print(list(deleg(b"AB")), list(deleg(bytearray(b"c"))), list(deleg({5: None}.values())))

g = deleg([10, 20, 30])
print(next(g), g.send(None))
try:
    g.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
print("delegator dead:", g.gi_frame is None)

g = deleg(iter([1, 2]))
next(g)
try:
    g.throw(ValueError("into list iterator"))
except ValueError as e:
    print("thrown straight through:", e)


class Sendable:
    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        self.log.append("next")
        if len(self.log) > 5:
            raise StopIteration("sendable done")
        return len(self.log)

    def send(self, v):
        self.log.append(f"send {v}")
        return f"ack {v}"

    def throw(self, typ, val=None, tb=None):
        self.log.append(f"throw {typ.__name__}")
        return "thrown handled"


s = Sendable()
g = deleg(s)
print(next(g), g.send("hello"), g.send(None), g.throw(KeyError), next(g))
try:
    while True:
        next(g)
except StopIteration as e:
    print("result", e.value)
print(s.log)


class RaisingIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise LookupError("iter broke")


try:
    list(deleg(RaisingIter()))
except LookupError as e:
    print(type(e).__name__, e)

try:
    list(deleg(None))
except TypeError as e:
    print(type(e).__name__, e)


def gen():
    yield 1


done = gen()
list(done)
print("from exhausted:", list(deleg(done)))

running = None


def self_deleg():
    yield from running


running = self_deleg()
try:
    next(running)
except ValueError as e:
    print(type(e).__name__, e)
