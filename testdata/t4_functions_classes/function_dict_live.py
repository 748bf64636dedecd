# A function's __dict__ is the live namespace of its attributes.
def f():
    """doc"""


d = f.__dict__
d["added"] = 1
print(f.added, vars(f) is f.__dict__, f.__dict__ is d)
f.other = 2
print(sorted(d), d == vars(f))
f.__dict__.update({"x": 3})
print(f.x, hasattr(f, "x"))
del f.x
print("x" in d, hasattr(f, "x"))
try:
    del f.missing
except AttributeError as e:
    print("AttributeError", e)
# __doc__ and __module__ live in the function, not in __dict__.
f.__doc__ = "new doc"
f.__module__ = "elsewhere"
print(f.__doc__, f.__module__, sorted(d))


def wrapped():
    pass


wrapped.tag = "t"


def wrapper():
    pass


wrapper.__dict__.update(wrapped.__dict__)
print(wrapper.tag)
