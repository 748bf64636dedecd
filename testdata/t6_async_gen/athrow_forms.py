# athrow() argument forms and errors.
def step(aw):
    try:
        aw.send(None)
        return "suspended"
    except StopIteration as e:
        return f"yielded {e.value!r}"
    except StopAsyncIteration:
        return "StopAsyncIteration"
    except BaseException as e:
        return f"raised {type(e).__name__}{e.args}"


async def catcher():
    while True:
        try:
            yield "ready"
        except Exception as e:
            yield f"caught {type(e).__name__}{e.args}"


g = catcher()
print(step(g.__anext__()))
for args in [
    (ValueError,),
    (ValueError("inst"),),
    (ValueError, "val"),
    (ValueError, ("a", "b")),
    (ValueError, None, None),
    (KeyError, KeyError("k")),
]:
    print(args[0].__name__ if isinstance(args[0], type) else repr(args[0]), "->", step(g.athrow(*args)), step(g.__anext__()))

for args in [(1,), ("str",), (ValueError("x"), "extra"), (ValueError, None, 5)]:
    try:
        print(step(g.athrow(*args)))
    except TypeError as e:
        print("TypeError at call:", e)

try:
    g.athrow()
except TypeError as e:
    print(type(e).__name__, e)

print(step(g.athrow(SystemExit(2))))
print("after uncaught:", step(g.__anext__()))
print(step(g.athrow(ValueError)))


async def unstarted():
    yield 1


u = unstarted()
print("athrow unstarted:", step(u.athrow(OSError("early"))))
print(step(u.__anext__()))
