# Comparisons between ints and floats (exactness with big ints), hashes of equal numbers.
print(1 == 1.0, 1 < 1.5, 2 > 1.9999, -1 == -1.0, 0 == -0.0)
print(2 ** 53 == float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23, 10 ** 23 < 1e23)
big = 10 ** 400
print(big > 1e308, big < float("inf"), -big > float("-inf"), big == float("inf"))
nan = float("nan")
print(1 == nan, 1 < nan, 1 > nan, 1 != nan, big == nan)
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2 ** 60) == hash(float(2 ** 60)))
print(hash(True), hash(1.5), hash(-1), hash(-2))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {0, 0.0, False, -0.0}
print(len(s), s)
print(sorted([3, 2.5, True, -1, 0.0, 10 ** 20, 1e19]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
print((1).__eq__(1.0), (1.0).__eq__(1), (1.0).__eq__("1"))
print(3 == 3.0000000000000001, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print([x for x in (0, 1, 2, 3) if x == x * 1.0])
print(5 // 2.0, 5 % 2.0, 5 / 2, 5.0 // 2, type(5 // 2.0).__name__)
print(int(2.0) == 2, float(3) == 3, 7 in [7.0], 7.0 in {7})
print((1, 2.0) == (1.0, 2), [1] == [1.0], {1: 2} == {1.0: 2.0})
