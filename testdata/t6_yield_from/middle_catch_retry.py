# A middle generator that retries a failing subgenerator.
attempts = []


def flaky(n):
    attempts.append(n)
    yield f"try {n} step 1"
    if n < 2:
        raise ConnectionError(f"attempt {n} failed")
    yield f"try {n} step 2"
    return f"success on {n}"


def retrying(max_tries):
    for n in range(max_tries):
        try:
            result = yield from flaky(n)
        except ConnectionError as e:
            yield f"retrying after: {e}"
            continue
        return result
    raise TimeoutError(f"gave up after {max_tries}")


def app(tries):
    try:
        r = yield from retrying(tries)
    except TimeoutError as e:
        yield f"app saw {type(e).__name__}: {e}"
        return "failed"
    yield f"app got {r}"
    return "ok"


for tries in (3, 2):
    attempts.clear()
    g = app(tries)
    steps = []
    try:
        while True:
            steps.append(next(g))
    except StopIteration as e:
        print(f"tries={tries}: {e.value}")
    for s in steps:
        print("   ", s)
    print("    attempts:", attempts)
