# Trampolines: run deeply recursive generator "calls" without Python recursion.
import types


def trampoline(gen):
    stack = [gen]
    value = None
    exc = None
    steps = 0
    while stack:
        steps += 1
        top = stack[-1]
        try:
            if exc is not None:
                e, exc = exc, None
                res = top.throw(e)
            else:
                res = top.send(value)
        except StopIteration as si:
            stack.pop()
            value = si.value
            continue
        except Exception as e:
            stack.pop()
            if not stack:
                raise
            exc = e
            continue
        if isinstance(res, types.GeneratorType):
            stack.append(res)
            value = None
        else:
            value = res
    return value, steps


def fact(n):
    if n <= 1:
        return 1
    return n * (yield fact(n - 1))


def fib(n):
    if n < 2:
        return n
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    return a + b


def depth(n):
    if n == 0:
        return 0
    return 1 + (yield depth(n - 1))


def fails(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        return (yield fails(n - 1))
    except KeyError as e:
        if n == 3:
            return f"recovered at {n}: {e}"
        raise


def even(n):
    if n == 0:
        return True
    return (yield odd(n - 1))


def odd(n):
    if n == 0:
        return False
    return (yield even(n - 1))


print(trampoline(fact(10)))
print(trampoline(fact(30))[0])
print(trampoline(fib(15)))
print(trampoline(depth(5000)))
print(trampoline(fails(6)))
try:
    trampoline(fails(2))
except KeyError as e:
    print("escaped:", type(e).__name__, e)
print(trampoline(even(1001)), trampoline(odd(7)))


def echo_plain():
    x = yield 5
    y = yield "s"
    return (x, y)


print(trampoline(echo_plain()))
