# Subclasses of the builtin containers and scalars.


class D(dict):
    def __missing__(self, key):
        return "missing:" + key


class G(dict):
    def __getitem__(self, key):
        return "G[" + str(dict.__getitem__(self, key)) + "]"


class L(list):
    def append(self, x):
        super().append(x * 2)


class S(str):
    def shout(self):
        return self.upper() + "!"


class I(int):
    pass


class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b, a + b))


class B(bytes):
    pass


class FS(frozenset):
    pass


class St(set):
    def add(self, x):
        super().add(x)
        super().add(-x)


d = D(a=1)
print("D hit", d["a"], "miss", d["zz"])
print("D get miss", d.get("zz"), "in", "zz" in d, "len", len(d))
print("D type", type(d).__name__, isinstance(d, dict), d == {"a": 1})
g = G(k=5)
print("G getitem", g["k"], "get", g.get("k"), "values", list(g.values()))
lst = L([1])
lst.append(3)
lst.extend([4])
lst += [5]
print("L", lst, type(lst).__name__)
print("L slice type", type(lst[:2]).__name__, "add type", type(lst + [1]).__name__)
s = S("hi")
print("S shout", s.shout(), type(s.shout()).__name__)
print("S upper type", type(s.upper()).__name__, "add type", type(s + "x").__name__)
print("S slice type", type(s[:1]).__name__, "str() type", type(str(s)).__name__)
print("S eq", s == "hi", "hash eq", hash(s) == hash("hi"), "in dict", {"hi": 1}[s])
i = I(7)
print("I add", i + 1, type(i + 1).__name__, type(1 + i).__name__)
print("I neg", type(-i).__name__, "pos", type(+i).__name__, "abs", type(abs(i)).__name__)
print("I int()", type(int(i)).__name__, "repr", repr(i), "bool", bool(I(0)))
t = T(2, 3)
print("T", t, type(t).__name__, len(t), t[2])
print("T add type", type(t + (1,)).__name__, "slice type", type(t[:1]).__name__)
b = B(b"ab")
print("B", b, type(b).__name__, type(b + b"c").__name__, type(b.upper()).__name__)
fs = FS([3, 1, 2])
print("FS", sorted(fs), type(fs).__name__, type(fs | {9}).__name__, type(fs.copy()).__name__)
print("FS eq", fs == frozenset([1, 2, 3]), "hashable", hash(fs) == hash(frozenset([1, 2, 3])))
st = St()
st.add(4)
print("St", sorted(st), type(st).__name__, type(st & {4}).__name__)
st.update([1])
print("St update skips add", sorted(st))
print("isinstance", isinstance(st, set), isinstance(fs, set), isinstance(b, bytes))
