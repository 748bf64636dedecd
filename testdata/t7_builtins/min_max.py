# min/max with key, default, multiple args, and error messages.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"))
print(min([], default="empty"), max([], default=None), min([7], default=0))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([("a", 2), ("b", 3), ("c", 3)], key=lambda p: p[1]))
print(min([("a", 2), ("b", 1), ("c", 1)], key=lambda p: p[1]))
print(max(1, 2.5, True), min(-1, -1.0), max([1, 2], [1, 2, 0]))
print(max({3: "x", 9: "y"}), min({"b": 1, "a": 2}.items()))
print(max(range(10), key=lambda x: x % 4), min(iter([5, 3, 9])))
print(max("abc", "ABC", key=str.lower), max([], key=len, default="d"))
for f in (min, max):
    for args, kwargs in [(([],), {}), ((), {}), ((5,), {}), (([1, "a"],), {}),
                         ((1, 2), {"default": 0}), (([1],), {"bogus": 1})]:
        try:
            print(f(*args, **kwargs))
        except (ValueError, TypeError) as e:
            print(f.__name__, type(e).__name__, e)
nan = float("nan")
print(max(nan, 1), max(1, nan), min([nan, 0, 2]))


class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v

    def __gt__(self, o):
        print(f"  {self.v} > {o.v}")
        return self.v > o.v

    def __repr__(self):
        return f"V{self.v}"


print(max(V(1), V(3), V(2)))
print(min(V(1), V(3), V(0)))
