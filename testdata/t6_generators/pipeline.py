# Pull-based generator pipelines (log processing style).
LOG = """\
10.0.0.1 GET /index.html 200 512
10.0.0.2 GET /missing 404 0
10.0.0.1 POST /form 200 128
# comment line
10.0.0.3 GET /big 200 40960

10.0.0.2 GET /index.html 304 -
10.0.0.3 GET /err 500 12
"""


def lines(text):
    for line in text.splitlines():
        print(f"    read {line!r}")
        yield line


def nonblank(src):
    for line in src:
        if line.strip() and not line.startswith("#"):
            yield line


def parse(src):
    for line in src:
        host, method, path, status, size = line.split()
        yield {
            "host": host,
            "method": method,
            "path": path,
            "status": int(status),
            "size": 0 if size == "-" else int(size),
        }


def where(src, pred):
    for rec in src:
        if pred(rec):
            yield rec


def field(src, name):
    for rec in src:
        yield rec[name]


print("building pipeline (nothing read yet)")
recs = parse(nonblank(lines(LOG)))
print("first record:", next(recs))
print("rest of hosts:", list(field(recs, "host")))

total = sum(field(parse(nonblank(LOG.splitlines())), "size"))
print("total bytes", total)

errs = where(parse(nonblank(LOG.splitlines())), lambda r: r["status"] >= 400)
print([(r["path"], r["status"]) for r in errs])

by_host = {}
for r in parse(nonblank(LOG.splitlines())):
    by_host.setdefault(r["host"], []).append(r["path"])
print(by_host)


def batched(src, n):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


print(list(batched(range(7), 3)))


def window(src, n):
    win = []
    for x in src:
        win.append(x)
        if len(win) > n:
            win.pop(0)
        if len(win) == n:
            yield tuple(win)


print(list(window("abcde", 3)))


def dedupe(src):
    seen = set()
    for x in src:
        if x not in seen:
            seen.add(x)
            yield x


print(list(dedupe([3, 1, 3, 2, 1, 5])))


def unique_justseen(src):
    prev = object()
    for x in src:
        if x != prev:
            yield x
        prev = x


print("".join(unique_justseen("aaabbbccdaa")))
