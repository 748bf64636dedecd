# When a delegator receives None it calls next(), otherwise send() on the subiterator.
class Spy:
    def __init__(self):
        self.calls = []
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls.append("__next__")
        self.n += 1
        if self.n > 4:
            raise StopIteration("spy done")
        return self.n

    def send(self, v):
        self.calls.append(f"send({v!r})")
        self.n += 1
        if self.n > 4:
            raise StopIteration("spy done via send")
        return self.n * 100


def deleg(it):
    r = yield from it
    return r


spy = Spy()
g = deleg(spy)
print(next(g))
print(g.send(None))
print(g.send("x"))
print(g.send(0))
try:
    g.send(False)
except StopIteration as e:
    print("stop", e.value)
print(spy.calls)

spy = Spy()
g = deleg(spy)
try:
    g.send("early")
except TypeError as e:
    print(type(e).__name__, e)
print(spy.calls)
print(next(g), spy.calls)


def gen_sub():
    log = []
    while len(log) < 3:
        log.append((yield len(log)))
    return log


g = deleg(gen_sub())
print(next(g), g.send(None), g.send(0))
try:
    g.send("")
except StopIteration as e:
    print(e.value)
