# Finalization order when a suspended delegation chain is garbage collected.
def level(name, child=None):
    try:
        if child is None:
            yield f"{name} value"
        else:
            yield from child
    finally:
        print(f"  finally {name}")


def build():
    return level("outer", level("middle", level("inner")))


print("break out of for loop:")
for v in build():
    print("  got", v)
    break
print("after loop")

print("del variable:")
g = build()
next(g)
del g
print("after del")

print("close explicitly:")
g = build()
next(g)
g.close()
print("after close")

print("exhaust:")
for v in build():
    print("  got", v)
print("after exhaust")

print("unstarted chain:")
g = build()
del g
print("after unstarted del")

print("partial: only outer started")


def lazy_outer():
    try:
        yield "before delegation"
        yield from level("late")
    finally:
        print("  finally lazy_outer")


g = lazy_outer()
next(g)
del g
print("end")
