# yield from generator expressions, with send and throw to genexprs.
def deleg(it):
    r = yield from it
    return r


print(list(deleg(x * x for x in range(4))))
ge = (c.upper() for c in "abc")
g = deleg(ge)
print(next(g), g.send(None))
try:
    print(g.send("value"))
    g.send("again")
except StopIteration as e:
    print("StopIteration?", e.value)
except Exception as e:
    print(type(e).__name__, e)

ge = (i for i in range(3))
print(next(ge))
try:
    ge.send(42)
    print("genexpr accepts send (value discarded):", next(ge))
except Exception as e:
    print(type(e).__name__, e)
try:
    ge.throw(ValueError("into genexpr"))
except ValueError as e:
    print("genexpr throw:", e)
print(list(ge))

ge = (i for i in range(3))
print(ge.send(None))
ge.close()
print(list(ge))

nested = (x for x in (y * 2 for y in (z + 1 for z in range(3))))
print(list(deleg(nested)))


def gen_of_gens():
    for i in range(3):
        yield (i * 10 + j for j in range(2))


def flat():
    for g in gen_of_gens():
        yield from g


print(list(flat()))

ge = (x for x in range(10))
taken = [v for _, v in zip(range(3), ge)]
print(taken, next(ge))
