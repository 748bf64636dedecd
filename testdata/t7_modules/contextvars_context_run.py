# Context.run switches the current context; copies are independent.
from contextvars import ContextVar, Context, copy_context

a = ContextVar("a", default="out")
b = ContextVar("b")


def show(tag):
    print(tag, a.get(), b.get("-"))


def body(x, *, y):
    show("in run before")
    a.set(x)
    b.set(y)
    show("in run after")
    return x + y


a.set("main")
ctx = copy_context()
print(ctx.run(body, "X", y="Y"))
show("outside")
print(ctx[a], ctx[b], len(ctx), sorted(k.name for k in ctx), sorted(ctx.values()))
print(sorted((k.name, v) for k, v in ctx.items()), sorted(k.name for k in ctx.keys()))
empty = Context()
print(len(empty), list(empty), empty.run(a.get))
c2 = ctx.copy()
c2.run(a.set, "changed")
print(ctx[a], c2[a], ctx == ctx.copy(), ctx == c2)


def nested():
    try:
        ctx.run(show, "again")
    except RuntimeError as e:
        print(type(e).__name__, str(e).startswith("cannot enter context: <_contextvars.Context object at"), str(e).endswith("is already entered"))


ctx.run(nested)


def fails():
    a.set("lost?")
    raise ValueError("boom")


try:
    ctx.run(fails)
except ValueError as e:
    print(type(e).__name__, e)
show("after failure")
print(ctx[a])
token = ctx.run(a.set, "t")
try:
    a.reset(token)
except ValueError as e:
    print(type(e).__name__, str(e).endswith("was created in a different Context"))
try:
    Context(1)
except TypeError as e:
    print(type(e).__name__, e)
