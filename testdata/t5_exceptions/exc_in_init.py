# Exceptions raised in __init__ / __new__: object not bound, partial state, cleanup via finally.
created = []
class Resource:
    def __init__(self, name, fail=False):
        self.name = name
        created.append(name)
        print("init start", name)
        if fail:
            raise ValueError(f"cannot init {name}")
        print("init done", name)
r = None
try:
    r = Resource("bad", fail=True)
except ValueError as e:
    print("ValueError:", e)
print(r, created)
r = Resource("good")
print(r.name)
class Validated:
    def __new__(cls, v):
        print("__new__", v)
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls)
    def __init__(self, v):
        print("__init__", v)
        self.v = v
try:
    Validated(-1)
except ValueError as e:
    print("ValueError:", e)
print(Validated(3).v)
class Parent:
    def __init__(self):
        print("Parent init")
        raise KeyError("parent failed")
class Child(Parent):
    def __init__(self):
        print("Child init before super")
        try:
            super().__init__()
        finally:
            print("Child finally")
try:
    Child()
except KeyError as e:
    print("KeyError:", e)
class WrongReturn:
    def __init__(self):
        return 5
try:
    WrongReturn()
except TypeError as e:
    print("TypeError:", e)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NewReturnsOther())
class ArgCheck:
    def __init__(self, a, b):
        self.a = a
try:
    ArgCheck(1)
except TypeError as e:
    print("TypeError:", e)
