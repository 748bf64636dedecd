# ContextVar, Token and the current context (_contextvars).
import contextvars
from contextvars import ContextVar, Token, Context, copy_context

v = ContextVar("v", default=1)
w = ContextVar("w")
print(v.name, v.get(), v.get(5), w.get(7))
try:
    w.get()
except LookupError as e:
    print(type(e).__name__, e.args[0] is w)
t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, Token.MISSING)
t2 = v.set(3)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
for bad in [lambda: v.reset(t), lambda: w.reset(v.set(4)), lambda: v.reset(5)]:
    try:
        bad()
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).split(" ", 1)[0][:6], str(e).rsplit(">", 1)[-1])
try:
    ContextVar(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Token()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print(type(e).__name__, e)
r = repr(ContextVar("name", default=[1]))
print(r.startswith("<ContextVar name='name' default=[1] at 0x"), repr(w).startswith("<ContextVar name='w' at "))
print(repr(t).startswith("<Token used var=<ContextVar name='v' default=1 at "))
print(ContextVar[int], Token[str])
print(type(v).__module__, type(v).__name__, type(t).__name__, type(copy_context()).__name__)
print(w.name)
try:
    w.name = "x"
except AttributeError as e:
    print(type(e).__name__)
ctx = copy_context()
print(v in ctx, w in ctx, len(ctx) >= 1, ctx.get(w, "dflt"), ctx[v])
try:
    ctx[w]
except KeyError as e:
    print(type(e).__name__, e.args[0] is w)
try:
    ctx["x"]
except TypeError as e:
    print(type(e).__name__, e)
print(hash(v) == hash(v), {v: 1}[v])
