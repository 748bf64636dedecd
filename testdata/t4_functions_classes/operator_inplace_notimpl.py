# In-place operators (__iadd__ vs __add__ fallback), __eq__ returning NotImplemented, misc operator dunders.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        print("__iadd__", o)
        self.items.append(o)
        return self
    def __add__(self, o):
        print("__add__ (not used for +=)")
        return NotImplemented
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc is ref, acc.items)
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        print("V.__add__ used for +=")
        return V(self.x + o.x, self.y + o.y)
v = V(1, 1)
v += V(1, 1)
print(v)
w = v
w += V(0, 1)
print(v, w, v is w)
lst = [1]
alias = lst
lst += (2,)
tup = (1,)
talias = tup
tup += (2,)
print(lst is alias, tup is talias, lst, tup, talias)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("Cmp.__eq__", self.v)
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(2) != Cmp(2), Cmp(3) == 3)
try:
    Cmp(1) < Cmp(2)
except TypeError as e:
    print("TypeError:", e)
class Pow:
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __rpow__(self, b):
        return ("rpow", b)
    def __floordiv__(self, o): return "floordiv"
    def __rmod__(self, o): return "rmod"
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __lshift__(self, o): return "lshift"
    def __invert__(self): return "invert"
p = Pow()
print(p ** 2, pow(p, 2, 5), 2 ** p, p // 1, 5 % p, p & 1, 1 | p, p << 1, ~p)
