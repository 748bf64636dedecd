# asend/athrow/aclose on async generators, driven manually.
def step(awaitable):
    try:
        r = awaitable.send(None)
        return f"suspended with {r!r}"
    except StopIteration as e:
        return f"yielded {e.value!r}"
    except StopAsyncIteration:
        return "StopAsyncIteration"
    except Exception as e:
        return f"raised {type(e).__name__}: {e}"


async def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
            except ValueError as e:
                print("  echo handled", e)
                x = "after-error"
            received.append(x)
    finally:
        print("  echo finally, received:", received)


g = echo()
print(step(g.asend(None)))
print(step(g.asend("a")))
print(step(g.asend("b")))
print(step(g.athrow(ValueError("bad"))))
print(step(g.athrow(ValueError)))
print(step(g.athrow(ValueError, ValueError("inst"))))
print(step(g.asend("c")))
print(step(g.aclose()))
print(step(g.asend("late")))
print(step(g.aclose()))

g = echo()
print(step(g.asend("x")))
print(step(g.athrow(KeyError("unstarted"))))
print(step(g.asend(None)))

g = echo()
print(step(g.aclose()))

g = echo()
step(g.asend(None))
print(step(g.athrow(IndexError("fatal"))))
print(step(g.asend(None)))


async def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        print("  got GeneratorExit in agen")
        raise


g = returns_on_close()
step(g.__anext__())
print(step(g.aclose()))


async def athrow_yields():
    while True:
        try:
            yield "loop"
        except KeyError:
            yield "keyerror handled"


g = athrow_yields()
step(g.__anext__())
print(step(g.athrow(KeyError)))
print(step(g.__anext__()))
print(step(g.athrow(TypeError, "3-arg", None)))
