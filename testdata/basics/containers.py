# Lists, tuples, dicts, sets and their methods; unpacking.
lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.append(5); lst.extend([3, 5]); lst.insert(0, 8)
print(lst, len(lst), lst.count(5), lst.index(9), lst.pop(), lst.pop(0), lst)
lst.remove(1); print(lst)
lst.sort(); print(lst)
lst.sort(key=lambda v: -v); print(lst)
lst.reverse(); print(lst, sorted(lst, reverse=True), list(reversed(lst)))
del lst[0]; del lst[-2:]; print(lst)
lst[1:3] = ['a', 'b', 'c']; print(lst)
lst[::2] = [0] * len(lst[::2]); print(lst)
print([1, 2] + [3], [0] * 3, [[]] * 2, [1, 2] == [1, 2], [1, 2] < [1, 3], [2] > [1, 9])
tup = (1, 'two', 3.0, None, (4, 5))
print(tup, tup[1], tup[-1][0], tup[1:3], len(tup), tup.index(3.0), (1,) * 3, () == tuple())
a, b, *rest = range(6)
print(a, b, rest)
first, *middle, last = "hello"
print(first, middle, last)
(p, q), r = (1, 2), 3
print(p, q, r)
x, y = y, x = 1, 2
print(x, y)
[m, [n, o]] = [10, [20, 30]]
print(m, n, o)
d = {'one': 1, 'two': 2, 'three': 3}
d['four'] = 4
print(d, d['two'], d.get('five'), d.get('five', 5), len(d), 'one' in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop('one'), d.setdefault('six', 6), d.setdefault('two', 99), d)
d.update({'seven': 7}, eight=8); print(d)
del d['two']; print(d, d.popitem(), d)
print({**d, 'z': 0, **{'three': 33}}, dict(zip('abc', range(3))), dict.fromkeys(['x', 'y'], 0))
print({1: 'a'} | {2: 'b'}, sorted({'b': 1, 'a': 2}), {k: v for k, v in sorted(d.items())})
dd = {}
for word in "the cat and the hat and the bat".split():
    dd[word] = dd.get(word, 0) + 1
print(dd, max(dd, key=dd.get), sorted(dd.items(), key=lambda kv: (-kv[1], kv[0])))
s1 = {1, 2, 3, 4}
s2 = {3, 4, 5}
print(s1 | s2, s1 & s2, s1 - s2, s1 ^ s2, s1 <= {1, 2, 3, 4, 5}, s2 < s1, 3 in s1)
s1.add(10); s1.discard(1); s1.remove(2); print(sorted(s1), len(s1))
fs = frozenset([3, 1, 2])
print(fs, sorted(fs | {9}), fs == {1, 2, 3}, len(set("mississippi")), sorted(set("mississippi")))
for v in (2, 7, 'a', 'q'):
    print(v, v in {1, 2, 3}, v in {'a', 'b'}, v not in (1, 'a'), v in [7, 'q'])
print(set(), {}, type({}).__name__, dict(), list(), tuple([1]), set([1, 1, 2]))
nested = {'list': [1, {'inner': (2, 3)}], 'tuple': ((),), 'empty': {}}
print(nested, nested['list'][1]['inner'][1])
print(list(enumerate('abc', 1)), list(zip([1, 2, 3], 'xy')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])))
print(any([0, 0, 1]), all([]), all([1, 0]), sum([[1], [2]], []), min('bca'), max([(1, 'b'), (1, 'a')]))
print(*[1, 2, 3], sep=', ', end='!\n')
print(*'ab', *[3], sep='-')
mat = [[i * 3 + j for j in range(3)] for i in range(3)]
print(mat, list(zip(*mat)), [row[1] for row in mat])
cp = mat[:]; cp[0] = 'x'; cp[1][0] = 'y'; print(mat[0], mat[1], cp[0])
