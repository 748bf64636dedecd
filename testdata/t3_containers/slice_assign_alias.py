# Slice assignment and deletion (including extended slices); list multiplication aliasing.
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 101]
print(a)
a[-2:] = []
print(a)
a[:] = "abc"
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[::-3] = [0, 0, 0, 0]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    b[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-1]
print(c)
del c[10:20]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[5:] = [9]
print(d)
d[:0] = [-1]
print(d)
d[1:3] = d
print(d)
e = [1, 2, 3, 4]
e[1:3] = (x * 10 for x in range(4))
print(e)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[2])
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good, good[0] is good[2])
row = [[]] * 2
row[0].append("shared")
row[1] = ["replaced"]
print(row)
s = [0] * 3
s[0] = 5
print(s)
alias = s
alias += [7]
print(s, alias is s)
alias = alias + [8]
print(s, alias, alias is s)
f = [1, 2, 3]
g = f[:]
g[0] = 99
print(f, g)
h = [1, 2, 3, 4, 5, 6]
h[1:5:2] = ["b", "d"]
del h[::-2]
print(h)
