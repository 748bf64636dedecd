# sort/sorted with key, reverse and stability; comparison errors.
data = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: -t[1]))
print(sorted(data, key=lambda t: len(t[0])))
d2 = list(data)
d2.sort(key=lambda t: t[0], reverse=True)
d2.sort(key=lambda t: t[1])
print(d2)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted((5, -1, 0)), sorted("hello"), sorted({3: "a", 1: "b"}))
print(sorted([-3, 2, -1, 4], key=abs), sorted([[2, 1], [1, 2], [1, 1], [2]]))
recs = [{"n": "x", "v": 2}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(recs, key=lambda r: r["v"])])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], key=lambda v: v, cmp=None)
except TypeError as e:
    print("TypeError:", e)
calls = []
def key(v):
    calls.append(v)
    return v % 3
r = sorted([5, 4, 3, 2, 1, 0], key=key)
print(r, calls)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(2), Item(1), Item(3)]))
lst = [2, 1]
print(lst.sort(), lst, sorted([]), sorted([1]), sorted([1, 1, 1], reverse=True))
nums = [1.5, 1, True, 0.5, False]
print(sorted(nums), sorted(nums, reverse=True))
