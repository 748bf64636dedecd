# collections.Counter: counting, most_common, arithmetic.
from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c.most_common()[-1], c["a"], c["zzz"])
print(sorted(c.elements()))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}))
c2 = Counter(a=3, b=-1, z=0)
print(c2, +c2, -c2)
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=1)
print(a + b, a - b, a & b, a | b)
a.update("aaz")
print(a)
a.subtract({"a": 10, "q": 1})
print(a)
print(a.total(), Counter().total())
d = Counter({"x": 5, "y": 5, "z": 1})
print(d.most_common(), d.most_common(0), d.most_common(10))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3))
print(list(wc), list(wc.keys()) == list(dict.fromkeys(words)))
del wc["the"]
print(wc, "the" in wc)
wc["new"] += 1
print(wc["new"], len(wc))
print(Counter("aab") < Counter("aabb"), Counter("ab") <= Counter("ab"), Counter("abc") >= Counter("a"))
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print(type(e).__name__, e)
print(repr(Counter()), dict(Counter("hello")))
x = Counter(a=1)
x += Counter(a=2, b=0)
print(x)
x -= Counter(a=5)
print(x, bool(x))
