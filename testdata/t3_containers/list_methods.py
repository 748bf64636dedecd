# list methods: append/extend/insert/pop/remove/index/count/clear/copy/reverse and errors.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
a.remove(1)
print(a, a.index(1), a.index(5), a.count(1), a.count("zz"))
print(a.index(1, 3) if 1 in a[3:] else "no 1 after 3")
for bad in (lambda: a.remove(42), lambda: a.index(42), lambda: [].pop(), lambda: a.pop(99), lambda: a.index(4, 0, 1)):
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
b = a.copy()
b.reverse()
print(a, b, a is b, a == b[::-1])
b.clear()
print(b, a)
c = [1, 2]
c += (3, 4)
c += range(5, 7)
print(c)
try:
    c = c + (7,)
except TypeError as e:
    print("TypeError:", e)
c *= 2
print(c, [0] * 3, [] * 5, [1, 2] * -1)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99], [[1]] == [[1]], [1, [2, [3]]])
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
n = [5, 3, 8]
print(n.append(1), n.sort(), n, n.extend([]), n)
x = [1, 2, 3]
x[1] = x
print(x, len(x))
print(x[1][1][1][0])
