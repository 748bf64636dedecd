# send-based accumulators and stateful coroutines.
def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = running_total()
next(acc)
for v in [3, 4, 5]:
    print("total", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("final total", e.value)


def stats():
    n = 0
    mean = 0.0
    m2 = 0.0
    while True:
        x = yield (n, mean, m2 / (n - 1) if n > 1 else None)
        n += 1
        d = x - mean
        mean += d / n
        m2 += d * (x - mean)


s = stats()
print(next(s))
for v in [2, 4, 4, 4, 5, 5, 7, 9]:
    print(s.send(v))


def history(maxlen):
    items = []
    cmd = yield
    while True:
        if cmd == "get":
            cmd = yield list(items)
        else:
            items.append(cmd)
            if len(items) > maxlen:
                items.pop(0)
            cmd = yield len(items)


h = history(3)
next(h)
for c in ["a", "b", "get", "c", "d", "get", "e", "get"]:
    print(c, "->", h.send(c))


def coroutine(fn):
    def start(*a, **k):
        g = fn(*a, **k)
        next(g)
        return g
    start.__name__ = fn.__name__
    return start


@coroutine
def grep(pattern, results):
    while True:
        line = yield
        if pattern in line:
            results.append(line)


res = []
gr = grep("py", res)
for line in ["python", "ruby", "pypy", "java", "happy"]:
    gr.send(line)
print(res, grep.__name__)
gr.close()
try:
    gr.send("py again")
except StopIteration:
    print("closed grep rejects send")


@coroutine
def averager_with_reset():
    total = count = 0
    avg = None
    while True:
        try:
            v = yield avg
        except KeyboardInterrupt:
            total = count = 0
            avg = None
            continue
        total += v
        count += 1
        avg = total / count


a = averager_with_reset()
print(a.send(10), a.send(30))
print("reset ->", a.throw(KeyboardInterrupt))
print(a.send(7))
