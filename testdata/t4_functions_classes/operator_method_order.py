# The order in which BINARY_OP tries user operator methods (binary_op1):
# subclass reflected first, no reflected method for one type, __iadd__
# falling back to __add__, methods that raise, generator methods.
class A:
    def __add__(self, o):
        print("A.add")
        return NotImplemented
    def __radd__(self, o):
        print("A.radd")
        return "A.radd"
class B(A):
    def __radd__(self, o):
        print("B.radd")
        return NotImplemented
class C:
    def __iadd__(self, o):
        print("C.iadd"); return NotImplemented
    def __add__(self, o):
        print("C.add"); return 42
for left, right in [(A(), A()), (A(), B()), (B(), A())]:
    try:
        print(left + right)
    except TypeError as e:
        print("TypeError:", e)
c = C(); c += 1; print(c)
try:
    A() - 1
except TypeError as e:
    print(e)
class D:
    def __add__(self, o):
        raise ValueError("boom")
try:
    D() + 1
except ValueError as e:
    print("caught", e)
def g(self, o):
    yield o
class E:
    __add__ = g
    def __mul__(self, o):
        return o * 2
print(list(E() + 1), E() * 3)
print(1 + A())
try:
    print(1 - A())
except TypeError as e:
    print("TypeError:", e)
