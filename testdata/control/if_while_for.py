# if/elif/else, while/for with else, break/continue, nested loops.
def sign(x):
    if x > 0:
        return "pos"
    elif x < 0:
        return "neg"
    else:
        return "zero"


for v in (5, -3, 0, 0.0, -0.0):
    print(v, sign(v))

i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("while else not reached")
print("after while", i)

n = 0
while n < 3:
    n += 1
else:
    print("while else reached", n)


def find(seq, target):
    for idx, item in enumerate(seq):
        if item == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
        return -1
    return idx


print(find([4, 8, 15, 16], 15), find("abc", "z"), find([], 1))
primes = []
for cand in range(2, 50):
    for p in primes:
        if p * p > cand:
            primes.append(cand)
            break
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if a + b == 3:
            break
        print("pair", a, b)
total = 0
for x in range(100):
    if x % 3 and x % 5:
        continue
    total += x
print("total", total)
for ch in "hey":
    pass
print("last char", ch)
for k, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(k, a, b, a if k else b, "yes" if a < b < 5 else "no")
x = 7
y = "big" if x > 5 else "small" if x > 2 else "tiny"
print(y, not x, x and "truthy", None or 0 or "" or "last", [] or {} or None)
it = iter([1, 2, 3])
while (val := next(it, None)) is not None:
    print("walrus got", val)
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
for w in range(3):
    try:
        if w == 1:
            continue
        print("body", w)
    finally:
        print("finally", w)
