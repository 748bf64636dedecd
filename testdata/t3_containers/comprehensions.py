# List/set/dict/generator comprehensions with conditions, nested loops and scoping.
print([x * x for x in range(8) if x % 2 == 0])
print([x if x % 3 else "fizz" for x in range(1, 8)])
print([(i, j) for i in range(3) for j in range(i)])
print([(i, j) for i in range(4) if i % 2 for j in range(4) if j > i])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[c] for c in range(3) for row in matrix], [list(col) for col in zip(*matrix)])
print([v for row in matrix for v in row if v != 3])
print({c.upper() for c in "abc"} == {"A", "B", "C"}, {n % 3 for n in range(10)})
print({w: len(w) for w in ["aa", "b", "ccc"] if len(w) > 1})
g = (x + 1 for x in range(3))
print(next(g), list(g), list(g))
print(sum(x for x in range(101)), max((len(w), w) for w in "one three five".split()))
x = "outer"
res = [x for x in "ab"]
print(res, x)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs2])
n = 10
print([n * k for k in range(3)])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * len(vals) for v in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
print([(a, b) for a in "xy" for b in (1, 2) if (a, b) != ("y", 1)])
print([y for y in [y * 2 for y in range(4)] if y > 2])
print([[c for c in w if c not in "aeiou"] for w in ["hello", "world"]])
print([walrus for v in range(5) if (walrus := v * 3) % 2 == 0], walrus)
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), [i for i in () ])
print(dict((k, v) for k, v in zip("ab", "xy")), tuple(i for i in range(3)), set(i % 2 for i in range(4)))
