# Comprehensions, generator expressions, slicing, walrus, del, assert, annotations.
squares = [i * i for i in range(10)]
print(squares)
print([i for i in squares if i % 2 == 0], [x + y for x in 'ab' for y in 'xyz'])
print([(i, j) for i in range(4) for j in range(i) if (i + j) % 2])
print({i % 3 for i in range(10)}, {c: ord(c) for c in 'abc'}, {k: v for k, v in zip(range(3), 'xyz') if k})
print(sum(i for i in range(100) if i % 7 == 0), max(len(w) for w in ['a', 'abcd', 'ab']))
print([[j for j in range(i)] for i in range(4)], [y for x in [[1, 2], [3]] for y in x])
print(list(filter(lambda v: v > 2, (v * 2 for v in range(4)))))
base = 10
print([base + k for k in range(3)], [(lambda z: z * base)(k) for k in range(3)])
funcs = [lambda k=k: k * 100 for k in range(3)]
print([f() for f in funcs])
data = [5, 3, 8, 1]
print([y for x in data if (y := x * 2) > 6], y)
if (n := len(data)) > 3:
    print("long list", n)
s = list(range(20))
print(s[2:5], s[:3], s[-3:], s[::5], s[::-4], s[15:5:-3], s[-100:3], s[18:100], s[5:2])
print(s[slice(1, 10, 2)], "abcdefg"[1:-1:2], (1, 2, 3, 4)[::-1], b"bytes"[1:3], "x"[5:])
t = s[:]
t[3:17] = []
print(t)
t[1:1] = [100, 200]
print(t, t[-1], t[-len(t)])
del t[::2]
print(t)
sl = slice(None, None, -1)
print(sl.start, sl.stop, sl.step, "hello"[sl], slice(1, 5, 2).indices(3))
i = 0
while i < 3:
    assert i >= 0, "negative"
    i += 1
try:
    assert i == 99, f"i was {i}"
except AssertionError as e:
    print("assert failed:", e)
g = 5
del g
try:
    print(g)
except NameError as e:
    print("NameError:", e)
count: int = 3
label: str
ratio: float = 0.5
print(__annotations__)


def annotated(a: int, b: 'str' = 'x', *args: float, c: list = None, **kw: dict) -> bool:
    inner: int = 4
    return a, b, args, c, kw, inner


print(annotated(1, 'y', 2.0, c=[1], z=2), annotated.__annotations__)
gen = (x * x for x in range(5))
print(next(gen), next(gen), list(gen), list(gen))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print({(a, b): a * b for a in range(1, 3) for b in range(1, 3)})
words = ['apple', 'Banana', 'cherry', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print([w[0].upper() + w[1:] for w in words if 'a' in w.lower()])
nested_gen = sum(sum(c for c in range(r)) for r in range(5))
print(nested_gen, [*range(3), *'ab'], (*range(2),), {*range(3)}, {**{'a': 1}})
