# CPython hands the block freed last to the next object of its size, so a
# temporary's id (and default repr) is often the next temporary's too.
class A:
    pass


class B:
    def __init__(self, v):
        self.v = v


print(id(A()) == id(A()))
print(repr(A()) == repr(A()))
print(id(B(1)) == id(B(2)))
print(id(object()) == id(object()))
print(id((1, "x")) == id((2, "y")))
a = A()
print(id(a) == id(A()))
x = [A() for _ in range(3)]
print(len({id(o) for o in x}))
