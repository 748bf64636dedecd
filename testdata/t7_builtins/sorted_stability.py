# sorted/list.sort: key, reverse, stability, errors.
records = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30), ("eve", 20), ("fay", 25)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: -r[1]))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: r[1]))
print(sorted(records, key=lambda r: (r[1], r[0])))
print(sorted("Banana apple Cherry date".split()), sorted("Banana apple Cherry date".split(), key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted("cba"), sorted({3: "a", 1: "b"}))
print(sorted([1.5, 1, True, 0, -2]), sorted([[2, 1], [1, 9], [1, 2, 3]]))
words = ["aa", "b", "cc", "d", "eee", "f"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
lst = [5, 3, 5, 1]
res = lst.sort()
print(res, lst)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: None if x == 1 else 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(key=len)
except TypeError as e:
    print(type(e).__name__, e)
calls = []


def key(x):
    calls.append(x)
    return -x


print(sorted([3, 1, 2], key=key), calls)


class Item:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"{self.v}{self.tag}"


items = [Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d"), Item(0, "e")]
print(sorted(items), sorted(items, reverse=True))
big = [(i % 7, i) for i in range(50)]
print(sorted(big, key=lambda p: p[0])[:10])
print(sorted(range(20), key=lambda v: v % 3, reverse=True))
