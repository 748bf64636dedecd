# Argument errors of every itertools class, with CPython 3.11's messages.
import itertools as it

cases = [
    "it.count('a')", "it.count(1, 'a')", "it.count(1, 2, 3)", "it.count(x=1)",
    "it.count(2, start=3)", "it.count(1, 2, step=3)",
    "it.cycle()", "it.cycle(1)", "it.cycle([1], 2)", "it.cycle(x=[1])",
    "it.repeat()", "it.repeat(1, 'a')", "it.repeat(1, 2, 3)", "it.repeat(1, 10**20)",
    "it.repeat(1, 2.0)",
    "it.accumulate()", "it.accumulate(1)", "it.accumulate([1], None, None)",
    "it.accumulate([1], x=1)", "it.accumulate([1], func=None, initial=None, x=2)",
    "it.chain(x=1)", "list(it.chain(1))", "it.chain.from_iterable()",
    "it.chain.from_iterable(1, 2)", "list(it.chain.from_iterable([1]))",
    "it.compress()", "it.compress([1])", "it.compress(1, [1])", "it.compress([1], 1)",
    "it.compress([1], [1], [1])",
    "it.dropwhile()", "it.dropwhile(None)", "it.dropwhile(None, 1)",
    "it.dropwhile(None, [1], 2)", "it.dropwhile(predicate=None, iterable=[1])",
    "it.takewhile(1)", "it.filterfalse(1)", "it.filterfalse(function=None, iterable=[])",
    "it.starmap(1)", "it.starmap(f=1)",
    "it.groupby()", "it.groupby(1)", "it.groupby([1], None, 2)", "it.groupby(x=1)",
    "it.islice()", "it.islice([1])", "it.islice([1], 'a')", "it.islice([1], -1)",
    "it.islice([1], -5)", "it.islice([1], 1, 'a')", "it.islice([1], 'a', 2)",
    "it.islice([1], -1, 2)", "it.islice([1], 0, -5)", "it.islice([1], 0, 2, 0)",
    "it.islice([1], 0, 2, -1)", "it.islice([1], 0, 2, 'a')", "it.islice([1], 1, 2, 3, 4)",
    "it.islice([1], 10**30)", "it.islice([1], 1, x=1)", "it.islice(1, 2)",
    "it.islice([1], 1.0)",
    "it.pairwise()", "it.pairwise(1)", "it.pairwise([1], [2])", "it.pairwise(iterable=[1])",
    "it.tee()", "it.tee(1)", "it.tee([1], -1)", "it.tee([1], 'a')", "it.tee([1], 2, 3)",
    "it.tee([1], n=2)", "it.tee([1], 10**30)",
    "it.zip_longest(1)", "it.zip_longest(x=1)", "it.zip_longest([1], fillvalue=2, x=1)",
    "it.product(1)", "it.product(x=1)", "it.product([1], repeat=-1)",
    "it.product([1], repeat='a')", "it.product([1], repeat=10**30)",
    "it.product([1], repeat=2, x=1)",
    "it.permutations()", "it.permutations(1)", "it.permutations([1], -1)",
    "it.permutations([1], 'a')", "it.permutations([1], 2.0)", "it.permutations([1], 1, 2)",
    "it.combinations([1])", "it.combinations([1], -1)", "it.combinations([1], 'a')",
    "it.combinations(1, 2)", "it.combinations(1, 'a')", "it.combinations([1], 10**30)",
    "it.combinations([1], 10**18)",
    "it.combinations_with_replacement([1])", "it.combinations_with_replacement([1], -1)",
    "it.combinations_with_replacement([1], 'a')",
    "it.combinations_with_replacement([1], 10**18)", "it.permutations([1], 10**18)",
    "it.product([1], repeat=10**17)",
    "it._grouper()", "it._grouper(1, 2)", "it._tee()", "it._tee(1)",
    "it._tee_dataobject()", "it._tee_dataobject(1, 2, 3)",
    "it._tee_dataobject(iter([]), [0] * 58, None)",
    "it._tee_dataobject(iter([]), [1], it._tee_dataobject(iter([]), [], None))",
    "it.count().__reduce__(1)", "it.repeat(1).__length_hint__()",
    "it.cycle([1]).__setstate__(1)", "it.cycle([1]).__setstate__(([],))",
    "it.cycle([1]).__setstate__((1, 2))", "it.cycle([1]).__setstate__(([], 'a'))",
    "it.chain().__setstate__((1,))", "it.chain().__setstate__(())",
    "it.chain().__setstate__((1, 2, 3))",
    "it.combinations([1, 2], 1).__setstate__((5, 6))",
    "it.combinations([1, 2], 1).__setstate__(('a',))",
    "it.product([1], [2]).__setstate__((0,))",
    "it.permutations([1, 2]).__setstate__(((0, 1),))",
    "it.permutations([1, 2]).__setstate__(((0,), (1, 1)))",
    "it._tee([1]).__setstate__((1, 2))", "it._tee([1]).__setstate__(1)",
    "it.islice([1], 1).__setstate__('a')", "it.groupby([]).__setstate__((1, 2))",
    "it.groupby([]).__setstate__([1, 2, 3])",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", type(r).__name__)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)


def boom(*a):
    raise KeyError("boom")


for make in [
    lambda: it.dropwhile(boom, [1]),
    lambda: it.takewhile(boom, [1]),
    lambda: it.filterfalse(boom, [1]),
    lambda: it.starmap(boom, [(1,)]),
    lambda: it.accumulate([1, 2], boom),
    lambda: it.groupby([1], boom),
    lambda: it.starmap(pow, [1]),
    lambda: it.accumulate([1, "a"]),
    lambda: it.count(1, "a" and 1.5).__next__() and it.count("x"),
]:
    try:
        print(list(make()))
    except Exception as e:
        print(type(e).__name__, e)

# The tee buffer cannot be re-entered from the iterator it reads.
def gen():
    yield next(t[0])
t = it.tee(gen())
try:
    next(t[0])
except RuntimeError as e:
    print("RuntimeError", e)
