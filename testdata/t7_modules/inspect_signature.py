import inspect, functools
def f(a, /, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc  here.

        indented
    """
    return "x"
print(inspect.signature(f))
sig = inspect.signature(f)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is p.empty, p.annotation)
print(sig.return_annotation)
ba = sig.bind(1, 2, 3, c=5, z=6)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
try: sig.bind()
except TypeError as e: print("TypeError", e)
class C:
    def __init__(self, x, y=1): pass
    def m(self, q): pass
    @classmethod
    def cm(cls, r): pass
    @staticmethod
    def sm(s): pass
print(inspect.signature(C), inspect.signature(C(1).m), inspect.signature(C.cm), inspect.signature(C.sm))
print(inspect.signature(functools.partial(f, 1, c=3)))
print(inspect.signature(len))
for b in (print, sorted, dict.get, str.join, int):
    try: print(b.__name__, inspect.signature(b))
    except ValueError as e: print("ValueError", e)
print(inspect.getdoc(f))
print(inspect.cleandoc("  a\n    b\n  c"))
print(inspect.getsource(f))
print(inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C(1).m), inspect.isbuiltin(len), inspect.isroutine(len))
def g():
    yield 1
gen = g()
print(inspect.isgenerator(gen), inspect.isgeneratorfunction(g), inspect.getgeneratorstate(gen))
next(gen); print(inspect.getgeneratorstate(gen), inspect.getgeneratorlocals(gen))
print([n for n, _ in inspect.getmembers(C) if not n.startswith('__')])
print(inspect.getmro(C))
print(inspect.getfullargspec(f))
print(inspect.getmodule(f).__name__, inspect.getfile(f).endswith('i2.py'))
print(inspect.currentframe().f_code.co_name, inspect.stack()[0].function)
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)
async def co(): pass
print(inspect.iscoroutinefunction(co), inspect.isawaitable(1))
print(inspect.getsourcelines(C.m)[1])
