# Generators used inside list/dict/set comprehensions and vice versa.
def squares(n):
    for i in range(n):
        yield i * i


def pairs(d):
    for k in sorted(d):
        yield k, d[k]


print([s for s in squares(6) if s % 2 == 0])
print({k: v for k, v in pairs({"b": 2, "a": 1, "c": 3})})
print(sorted({s % 5 for s in squares(10)}))
print([list(squares(i)) for i in range(4)])
print({i: list(squares(i)) for i in range(3)})
print([x for g in (squares(2), squares(3)) for x in g])

gens = [squares(n) for n in range(1, 4)]
print([next(g) for g in gens])
print([next(g, "done") for g in gens])
print([list(g) for g in gens])


try:
    exec("def bad():\n    return [(yield i) for i in range(3)]\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def col(m, j):
    for row in m:
        yield row[j]


print([list(col(matrix, j)) for j in range(3)])
print([sum(col(matrix, j)) for j in range(3)])
print({j: max(col(matrix, j)) for j in range(3)})


def words():
    yield from "the cat sat on the mat the end".split()


counts = {}
for w in words():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({w: c for w, c in counts.items() if c > 1})
print([w.upper() for w in words() if len(w) == 3][:4])
lens = (len(w) for w in words())
print({n: n * "*" for n in lens})


def outer():
    inner = [x * 2 for x in (yield "need data")]
    yield inner


o = outer()
print(next(o))
print(o.send([1, 2, 3]))
