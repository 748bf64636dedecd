# Loops with locals that change: conditions, ignore counts, watchpoints.
total = 0
for i in range(120):
    square = i * i
    total += square
    if i % 40 == 0: print("at", i)
print("total", total)


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def fails(x):
    if x > 2:
        raise ValueError("too big: " + str(x))
    return x


for k in countdown(3):
    try:
        fails(k)
    except ValueError as e:
        print("caught", e)
print("done")
