# _collections.deque iterators: order, mutation during iteration, pickling
# state, and searches whose comparisons change the deque.
import _collections
from _collections import deque


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque(range(5))
it = iter(d)
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(next(it), next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
attempt("exhausted", lambda: next(it))
print(list(reversed(d)), type(reversed(d)).__name__)
print(list(d.__reversed__()), [x for x in d])

# Mutating while iterating.
it = iter(d)
next(it)
d.append(5)
attempt("after append", lambda: next(it))
attempt("again", lambda: next(it))
it = iter(d)
d.pop()
attempt("after pop", lambda: next(it))
it = iter(d)
d.rotate(1)
attempt("after rotate", lambda: next(it))
it = iter(d)
d.clear()
attempt("after clear", lambda: next(it))
e = deque()
it = iter(e)
e.clear()
attempt("clear of empty", lambda: next(it))

# Setting an item or reversing is not a mutation the iterators notice.
d = deque([1, 2, 3])
it = iter(d)
d[0] = 10
d.reverse()
print(list(it))

# The reverse iterator checks the count first.
d = deque([1, 2])
rit = reversed(d)
print(next(rit), next(rit))
d.append(3)
attempt("exhausted reverse after append", lambda: next(rit))
rit = reversed(d)
d.appendleft(0)
attempt("reverse after appendleft", lambda: next(rit))

# A forward iterator that has finished still notices a later mutation.
d = deque([1])
it = iter(d)
print(list(it))
d.append(2)
attempt("finished then appended", lambda: next(it))

# for loops
total = 0
for x in deque(range(100)):
    total += x
print(total)
try:
    q = deque([1, 2, 3])
    for x in q:
        if x == 2:
            q.append(4)
except RuntimeError as ex:
    print("loop:", ex)

# Iterator pickling state and construction.
d = deque("abcdef")
it = iter(d)
next(it)
next(it)
cls, args = it.__reduce__()
print(cls.__name__, args[0] is d, args[1])
print(list(_collections._deque_iterator(d, 2)), list(_collections._deque_iterator(d)))
print(list(_collections._deque_reverse_iterator(d, 4)))
print(list(_collections._deque_iterator(d, 100)))
rit = reversed(d)
next(rit)
print(rit.__reduce__()[1][1], rit.__length_hint__())
attempt("iterator of list", lambda: _collections._deque_iterator([1]))

# Comparisons that mutate the deque.
class Mutator:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.append(0)
        return False


m = deque([1, 2, 3])
attempt("count mutating", lambda: m.count(Mutator(m)))
m = deque([1, 2, 3])
attempt("contains mutating", lambda: Mutator(m) in m)
m = deque([1, 2, 3])
attempt("index mutating", lambda: m.index(Mutator(m)))
m = deque([1, 2, 3])
attempt("remove mutating", lambda: m.remove(Mutator(m)))
print(m)


class Setter:
    def __init__(self, target):
        self.target = target

    def __repr__(self):
        return "<Setter>"

    def __eq__(self, other):
        self.target[0] = "set"
        return False


m = deque([1, 2, 3])
attempt("remove setting", lambda: m.remove(Setter(m)))
print(m)


class Raiser:
    def __eq__(self, other):
        raise KeyError("from eq")


attempt("count raising", lambda: deque([1]).count(Raiser()))
attempt("remove raising", lambda: deque([1]).remove(Raiser()))
attempt("eq raising", lambda: deque([Raiser()]) == deque([1]))


class Noisy:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return isinstance(other, Noisy) and self.n == other.n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n


print(deque([Noisy(1), Noisy(2)]) < deque([Noisy(1), Noisy(3)]))
print(deque([Noisy(1)]) == deque([Noisy(2)]))
same = Noisy(5)
print(deque([same]).count(same), same in deque([same]), deque([same]).index(same))
deque([same]).remove(same)

# Deeply nested deques.
deep = deque()
for _ in range(10000):
    deep = deque([deep])
attempt("deep repr", lambda: len(repr(deep)))
other = deque()
for _ in range(10000):
    other = deque([other])
attempt("deep eq", lambda: deep == other)
