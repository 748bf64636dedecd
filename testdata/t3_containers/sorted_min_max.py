# sorted/min/max/sum/any/all with key, default, and error messages.
words = ["kiwi", "fig", "banana", "apple", "date"]
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min(3, 1, 2), max(3, 1, 2), min([5]), max("hello"), min((2, "b"), (2, "a")), max([], default="empty"))
print(min([], default=None), max([1, 2], default=0), min([], key=len, default=-1), max(iter([4, 9, 2])))
print(max([1, 3, 3, 2], key=lambda v: v // 2), min(["bb", "aa", "cc"], key=len), max(["bb", "aa", "cc"], key=len))
print(max(1, 1.0), max(1.0, 1), min({"b": 1, "a": 2}), max({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
for bad in (lambda: min([]), lambda: max(), lambda: min(1), lambda: max([1, "a"]), lambda: min(1, 2, default=0), lambda: max([], [])):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 3), sum(range(0)), sum([1.5, 2], start=1))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]), all(noisy(v) for v in [1, 0, 5]))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: (-len(w), w)))
people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25)]
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]), sorted(people, key=lambda p: p[1], reverse=True))
print(min("b", "a", key=str.upper), max(-3, 2, key=abs), max(-3, 3, key=abs), min(-3, 3, key=abs))
print(abs(-2), round(sum(x / 10 for x in range(10)), 6), len(range(0, 100, 7)), divmod(sum(range(10)), 4))
