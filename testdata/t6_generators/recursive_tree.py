# Recursive generators over trees and nested structures.
class Node:
    def __init__(self, val, *kids):
        self.val = val
        self.kids = list(kids)

    def __iter__(self):
        yield self.val
        for k in self.kids:
            yield from k


def preorder(n, depth=0):
    yield depth, n.val
    for k in n.kids:
        yield from preorder(k, depth + 1)


def postorder(n):
    for k in n.kids:
        for v in postorder(k):
            yield v
    yield n.val


def leaves(n):
    if not n.kids:
        yield n.val
        return
    for k in n.kids:
        yield from leaves(k)


tree = Node("a", Node("b", Node("d"), Node("e", Node("h"))), Node("c", Node("f"), Node("g")))
print(list(tree))
print(list(preorder(tree)))
print(list(postorder(tree)))
print(list(leaves(tree)))


def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, (3, [4, []]), 5], [[[6]]], "str"])))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest


print(["".join(p) for p in permutations("abc")])
print(sum(1 for _ in permutations(list(range(5)))))


def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s


print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))


def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (n, a, c)
        yield from hanoi(n - 1, b, a, c)


moves = list(hanoi(4, "A", "B", "C"))
print(len(moves), moves[:5], moves[-1])


def deep(n):
    if n:
        yield from deep(n - 1)
    yield n


print(sum(deep(400)), list(deep(3)))
