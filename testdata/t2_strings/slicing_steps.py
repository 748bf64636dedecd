# String slicing with steps, negative indices and out-of-range bounds.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[-3:-1], s[5:2], s[100:], s[-100:3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1], s[-1:-5:-1], s[:-11:-3])
print(s[::3], s[1:9:3], s[9:0:-3], s[9::-4], s[::100], s[::-100], s[-2::-3])
print(s[0], s[-1], s[len(s) - 1], s[-len(s)])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError:", e)
print(s[slice(2, 6)], s[slice(None, None, -3)], s[slice(3)], slice(1, 5, 2).indices(3), slice(None, None, -1).indices(10))
for step in (1, 2, 3, -1, -2, -3):
    print(step, [s[i::step] for i in (0, 4, -1)])
for a in (None, -12, -5, 0, 5, 12):
    for b in (None, -5, 5):
        print(a, b, repr(s[a:b]), repr(s[a:b:-1]))
u = "héllo wörld"
print(u[1:4], u[::-1], u[-5:], len(u[::2]))
print(s[True], s[False:True + 2], "abc"[1:][::-1])
