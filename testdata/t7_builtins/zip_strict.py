# zip(), including strict=True length errors.
print(list(zip("abc", [1, 2, 3])))
print(list(zip("abc", [1, 2])), list(zip()), list(zip([1])))
print(list(zip("ab", [1, 2], strict=True)))
for args in [("abc", [1, 2]), ("ab", [1, 2, 3]), ("a", "b", "cd"), ("ab", "cd", "e")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
z = zip("ab", "xyz", strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("lazy:", e)


def gen(n, tag):
    for i in range(n):
        print(f"  {tag} yields {i}")
        yield i


print(list(zip(gen(2, "A"), gen(3, "B"))))
print(list(zip(gen(3, "A"), gen(2, "B"))))
try:
    list(zip(gen(1, "A"), gen(2, "B"), strict=True))
except ValueError as e:
    print(e)
try:
    zip(1, [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], bogus=True)
except TypeError as e:
    print(type(e).__name__, e)
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip("abc", range(3))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(list(zip(range(3), strict=False)), type(zip()).__name__)
