# Push-based coroutine pipelines (David Beazley style) with generator coroutines.
def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start


def source(lines, target):
    for line in lines:
        target.send(line)
    target.close()


@coroutine
def grep(pattern, target):
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    except GeneratorExit:
        target.close()


@coroutine
def upper(target):
    try:
        while True:
            target.send((yield).upper())
    except GeneratorExit:
        target.close()


@coroutine
def broadcast(targets):
    try:
        while True:
            item = yield
            for t in targets:
                t.send(item)
    except GeneratorExit:
        for t in targets:
            t.close()


@coroutine
def printer(prefix):
    try:
        while True:
            line = yield
            print(f"{prefix}: {line}")
    except GeneratorExit:
        print(f"{prefix}: closed")


@coroutine
def counter(results, key):
    n = 0
    try:
        while True:
            yield
            n += 1
    finally:
        results[key] = n


lines = [
    "python is fun",
    "rust is fast",
    "python bytecode",
    "interpreters everywhere",
    "a python in rust",
]
results = {}
source(lines, broadcast([
    grep("python", printer("py")),
    grep("rust", upper(printer("RUST"))),
    counter(results, "all"),
    grep("e", counter(results, "with e")),
]))
print(results)


@coroutine
def pairs(target):
    prev = None
    try:
        while True:
            cur = yield
            if prev is not None:
                target.send((prev, cur))
            prev = cur
    except GeneratorExit:
        target.close()


@coroutine
def collect(out):
    while True:
        out.append((yield))


out = []
source(range(5), pairs(collect(out)))
print(out)
