# iter(callable, sentinel) and the iterator protocol of builtins.
data = [3, 1, 4, 1, 5, 9, 0, 2, 6, 0, 7]
pos = 0


def reader():
    global pos
    v = data[pos]
    pos += 1
    return v


print(list(iter(reader, 0)), pos)
print(list(iter(reader, 0)), pos)

count = [0]


def counter():
    count[0] += 1
    return count[0]


it = iter(counter, 4)
print(type(it).__name__, next(it), list(it), list(it))

lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)


def raiser():
    raise StopIteration


print(list(iter(raiser, None)))
calls = []


def failing():
    calls.append(1)
    if len(calls) > 2:
        raise ValueError("boom")
    return len(calls)


try:
    list(iter(failing, 99))
except ValueError as e:
    print(type(e).__name__, e, len(calls))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
print(iter(it) is it)
r = iter(range(3))
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__())
s = iter("xyz")
print(type(s).__name__, list(s))
d = iter({"a": 1, "b": 2})
print(type(d).__name__, list(d))
t = iter((1,))
print(type(t).__name__, next(t))
rev = reversed([1, 2, 3])
print(type(rev).__name__, list(rev))
