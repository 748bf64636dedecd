# memoryview over bytes/bytearray; bytearray subclasses.
ba = bytearray(b"abc")
m = memoryview(ba)
ba[0] = 65
print(m[0], len(m), m.tobytes(), m.tolist(), bytes(m[1:]), m == b"Abc", list(m))
class B(bytearray):
    pass
x = B(b"hi")
x.append(33)
print(x, len(x), type(x).__name__)
print(b"a b  c".split(), b"a,b".split(b","), bytearray(b"x").join([b"1", bytearray(b"2")]))
try:
    memoryview("s")
except TypeError as e:
    print(e)
