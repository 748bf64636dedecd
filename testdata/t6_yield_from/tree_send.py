# Recursive yield-from with send: an interactive tree builder.
def build(depth):
    name = yield f"name for node at depth {depth}?"
    kids = []
    if depth < 2:
        count = yield f"how many children for {name}?"
        for _ in range(count):
            kids.append((yield from build(depth + 1)))
    return (name, kids)


answers = iter(["root", 2, "a", 1, "a1", "b", 0])
g = build(0)
q = next(g)
try:
    while True:
        ans = next(answers)
        print(f"{q!r} -> {ans!r}")
        q = g.send(ans)
except StopIteration as e:
    print(e.value)


def count_nodes(tree):
    name, kids = tree
    yield name
    n = 1
    for k in kids:
        n += yield from count_nodes(k)
    return n


g = count_nodes(("r", [("x", [("y", []), ("z", [])]), ("w", [])]))
names = []
try:
    while True:
        names.append(next(g))
except StopIteration as e:
    print(names, "count", e.value)


def sum_tree(t):
    total = yield t[0]
    for k in t[1]:
        total += yield from sum_tree(k)
    return total


g = sum_tree(("a", [("b", []), ("c", [("d", [])])]))
label = next(g)
vals = {"a": 1, "b": 10, "c": 100, "d": 1000}
try:
    while True:
        label = g.send(vals[label])
except StopIteration as e:
    print("weighted sum", e.value)
