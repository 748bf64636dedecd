# Async generators dropped without aclose(): when does their finally run?
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "end"


async def agen(tag):
    try:
        for i in range(3):
            yield f"{tag}{i}"
    finally:
        print(f"  finally {tag}")


print("del after one item")
g = agen("a")
print(step(g.__anext__()))
del g
print("after del a")

print("rebinding")
g = agen("b")
print(step(g.__anext__()))
g = agen("c")
print("after rebinding to c")
print(step(g.__anext__()))
g = None
print("after g = None")

print("exhausted then deleted")
g = agen("d")
while (v := step(g.__anext__())) != "end":
    print(" ", v)
del g
print("after del d")

print("never started")
g = agen("e")
del g
print("after del e")


async def consumer():
    async for v in agen("f"):
        print("  consumer got", v)
        break
    print("  consumer after break")
    return "consumer done"


print(step(consumer()))
