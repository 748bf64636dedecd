# Generators as coroutines and state machines, generator methods on classes, recursion via yield from.
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.walk(depth + 1)

    def leaves(self):
        if not self.children:
            yield self.value
            return
        for child in self.children:
            yield from child.leaves()


tree = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6, [Tree(7)])])])
print(list(tree), list(tree.leaves()))
for depth, value in tree.walk():
    print("  " * depth + str(value))


def grep(pattern):
    print(f"  grep for {pattern!r} ready")
    matches = 0
    try:
        while True:
            line = yield
            if pattern in line:
                matches += 1
                print("  match:", line)
    except GeneratorExit:
        print(f"  grep closing after {matches} matches")


def broadcast(targets):
    for t in targets:
        next(t)
    try:
        while True:
            item = yield
            for t in targets:
                t.send(item)
    finally:
        for t in targets:
            t.close()


b = broadcast([grep("py"), grep("on")])
next(b)
for line in ["python rocks", "rust is fast", "pyo3 bridges them", "done"]:
    b.send(line)
b.close()


def traffic_light():
    states = ["green", "yellow", "red"]
    i = 0
    while True:
        command = yield states[i]
        if command == "reset":
            i = 0
        elif command == "skip":
            i = (i + 2) % 3
        else:
            i = (i + 1) % 3


light = traffic_light()
print([next(light)] + [light.send(c) for c in [None, None, None, "skip", "reset", None]])


def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)


print(list(interleave(iter("abc"), iter([1, 2]), (x for x in "XYZW"))))


def gen_with_return_in_try():
    try:
        yield 1
        return "ret"
    finally:
        print("  finally after return")


gr = gen_with_return_in_try()
print(next(gr))
try:
    next(gr)
except StopIteration as e:
    print("value", e.value)
print(gr.gi_code.co_name, gr.gi_frame)


def lazy_range(a, b):
    while a < b:
        yield a
        a += 1


print(sum(lazy_range(0, 100000)), max(lazy_range(-5, 5), key=abs))
