# Loop edge cases: break/continue inside try/finally/with, loops over various iterables.
class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


for i in range(4):
    with Ctx(f"c{i}"):
        if i == 1:
            continue
        if i == 3:
            break
        print("in with", i)


def early(xs):
    for x in xs:
        try:
            if x < 0:
                return f"neg {x}"
        finally:
            print("cleanup", x)
    return "none negative"


print(early([1, 2, -3, 4]))
print(early([]))


def nested_break():
    result = []
    for i in range(5):
        j = 0
        while True:
            j += 1
            if j > i:
                break
            if (i * j) % 3 == 0:
                continue
            result.append((i, j))
    return result


print(nested_break())
d = {"a": 1, "b": 2, "c": 3}
for key in d:
    print(key, d[key])
for key, value in d.items():
    print(f"{key}={value}", end=" ")
print()
for c in b"AZ":
    print(c, end=" ")
print()
for n in range(10, 0, -3):
    print(n, end=",")
print()
for q in reversed(range(3)):
    print("rev", q)
for idx in range(len("xyz")):
    pass
print(idx)
r = range(5, 50, 7)
print(r, len(r), r[2], r[-1], 19 in r, 20 in r, list(r[1:3]), r.index(26))
total = 0
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    total += a + len(b)
    print(a, b)
print(total)
acc = []
for i in range(3):
    for j in range(3):
        for k in range(3):
            if i == j == k:
                acc.append(i)
print(acc)
x = 0
while x < 100:
    x = x * 2 + 1
print(x)
