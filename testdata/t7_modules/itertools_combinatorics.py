# itertools.product, permutations, combinations, combinations_with_replacement.
import itertools as it

print(list(it.product("ab", [1, 2])))
print(list(it.product("01", repeat=3)))
print(list(it.product("ab", "x", repeat=2)))
print(list(it.product()), list(it.product("ab", [])))
print(len(list(it.product(range(3), repeat=4))))

print(list(it.permutations("abc")))
print(list(it.permutations(range(4), 2)))
print(list(it.permutations("ab", 0)), list(it.permutations("ab", 3)))
print(["".join(p) for p in it.permutations("aab")])

print(list(it.combinations("abcd", 2)))
print(list(it.combinations(range(5), 3)))
print(list(it.combinations("abc", 0)), list(it.combinations("abc", 4)))

print(list(it.combinations_with_replacement("abc", 2)))
print(list(it.combinations_with_replacement(range(2), 3)))
print(list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("ab", 0)))

for fn, args in [(it.permutations, ("abc", -1)), (it.combinations, ("abc", -1)),
                 (it.combinations_with_replacement, ("abc", -2)), (it.product, ("ab",))]:
    try:
        if fn is it.product:
            fn(*args, repeat=-1)
            print("product repeat=-1:", list(fn(*args, repeat=-1)))
        else:
            fn(*args)
    except ValueError as e:
        print(fn.__name__, type(e).__name__, e)

print(sum(1 for _ in it.permutations(range(6))), sum(1 for _ in it.combinations(range(10), 4)))
print([c for c in it.combinations(range(1, 10), 3) if sum(c) == 15][:5])
