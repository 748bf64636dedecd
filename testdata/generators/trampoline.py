# Generator trampolining: deep "recursion" without Python stack growth, using send() results.
def trampoline(gen):
    stack = [gen]
    value = None
    steps = 0
    while stack:
        steps += 1
        try:
            result = stack[-1].send(value)
        except StopIteration as e:
            stack.pop()
            value = e.value
            continue
        if hasattr(result, "send"):
            stack.append(result)
            value = None
        else:
            value = result
    return value, steps


def fact(n):
    if n <= 1:
        return 1
    sub = yield fact(n - 1)
    return n * sub


def fib(n):
    if n < 2:
        return n
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    return a + b


def tree_sum(tree):
    if isinstance(tree, int):
        return tree
    total = 0
    for child in tree:
        total += yield tree_sum(child)
    return total


def deep(n):
    if n == 0:
        return "bottom"
    r = yield deep(n - 1)
    return r if n != 5000 else r.upper()


print(trampoline(fact(30)))
print(trampoline(fib(15)))
print(trampoline(tree_sum([1, [2, 3, [4, [5, 6]]], [], 7])))
print(trampoline(deep(5000)))


def echo_values():
    a = yield 10
    b = yield 20
    return a + b


print(trampoline(echo_values()))


def countdown_task(name, n, log):
    while n:
        log.append(f"{name}{n}")
        n -= 1
        yield
    return name


def round_robin(tasks):
    done = []
    while tasks:
        task = tasks.pop(0)
        try:
            next(task)
            tasks.append(task)
        except StopIteration as e:
            done.append(e.value)
    return done


log = []
print(round_robin([countdown_task("a", 3, log), countdown_task("b", 1, log), countdown_task("c", 2, log)]))
print(log)
