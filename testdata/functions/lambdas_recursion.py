# Lambdas, higher-order functions and recursion.
square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(square(7), compose(square, inc)(3), compose(inc, square)(3), (lambda *a, **k: (a, k))(1, z=2))
print(sorted([(1, 'b'), (2, 'a'), (0, 'c')], key=lambda t: t[1]), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print((lambda x, y=10, *, z=100: x + y + z)(1, z=0), (lambda: None)(), (lambda n: n and n - 1)(5))
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(20))


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
    return moves


m = hanoi(4, "A", "C", "B", [])
print(len(m), m[:5])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print([ackermann(2, k) for k in range(5)], ackermann(3, 3))


def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out


print(permutations([1, 2, 3]), len(permutations(list("abcde"))))


def flatten(obj):
    if isinstance(obj, (list, tuple)):
        for o in obj:
            yield from flatten(o)
    else:
        yield obj


print(list(flatten([1, [2, (3, [4, [5]])], 6])))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(100), is_odd(77), is_even(7))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)


def quicksort(xs):
    if len(xs) < 2:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])


print(quicksort([5, 3, 9, 1, 5, 0, -2, 8, 7]))
print(list(map(lambda f: f(10), [abs, str, hex, lambda v: -v, float])))
