# A generator dropped mid-iteration runs its finally when collected.
def gen(tag):
    try:
        for i in range(5):
            print(f"  {tag} yield {i}")
            yield i
    finally:
        print(f"  {tag} finally")


print("loop with break")
for x in gen("A"):
    if x == 1:
        break
print("after loop A")

print("explicit variable")
g = gen("B")
next(g)
print("before del B")
del g
print("after del B")

print("rebinding")
g = gen("C")
next(g)
g = gen("D")
print("rebound to D (C should be finalized)")
next(g)
g = None
print("set to None")

print("in function")


def consume():
    for x in gen("E"):
        if x == 2:
            return x


print("consume returned", consume())

print("exhausted generator has no pending finally")
g = gen("F")
for _ in g:
    pass
print("exhausted F")
del g
print("deleted F")


def stubborn():
    try:
        yield 1
    finally:
        print("  stubborn finally")


print("unstarted generator dropped")
g = stubborn()
del g
print("no finally for unstarted")

print("list of generators")
gens = [gen(f"L{i}") for i in range(3)]
for gg in gens:
    next(gg)
del gg
print("clearing list")
gens.clear()
print("cleared")
