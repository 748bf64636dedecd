# Delegating to exhausted, shared, or currently-running generators.
def gen(tag, n):
    for i in range(n):
        yield f"{tag}{i}"
    return f"{tag} done"


def deleg(sub):
    r = yield from sub
    return r


shared = gen("s", 4)
a = deleg(shared)
b = deleg(shared)
print(next(a), next(b), next(a), next(b))
try:
    next(a)
except StopIteration as e:
    print("a got", e.value)
try:
    next(b)
except StopIteration as e:
    print("b got", repr(e.value))

sub = gen("x", 2)
outer1 = deleg(sub)
next(outer1)
outer2 = deleg(sub)
print("second delegator pulls from same sub:", next(outer2))


def mutual():
    yield from loop_gen


loop_gen = mutual()
try:
    next(loop_gen)
except ValueError as e:
    print(type(e).__name__, e)


def a_gen():
    yield "a1"
    yield from b_inst
    yield "a2"


def b_gen():
    yield "b1"
    yield from a_inst


a_inst = a_gen()
b_inst = b_gen()
print(next(a_inst), next(a_inst))
try:
    next(a_inst)
except ValueError as e:
    print("cycle:", type(e).__name__, e)
print(a_inst.gi_frame is None, b_inst.gi_frame is None)

g = gen("z", 1)
print(list(deleg(g)), list(deleg(g)))
print(list(deleg(deleg(deleg(gen("w", 2))))))
