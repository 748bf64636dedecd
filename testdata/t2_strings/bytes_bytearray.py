# bytes and bytearray basics: construction, indexing, methods, mutation, repr.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], type(b[0]).__name__, type(b[0:1]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), bytes.fromhex("de ad be ef"))
print(b.hex(), b"\x00\xff".hex(), b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b.count(b"l"))
print(b + b"!", b * 2, b"o" in b, 111 in b, b.startswith(b"he"), b.decode(), list(b"abc"))
print(b"a,b,,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip(), b"abc".center(7, b"*"))
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" == "abc", bytes(b"x") is not None)
print(repr(b"\t\n\r\x00\x7f\x80'\"\\"), b"\x41\x42", b"a" b"b")
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba[0], bytes(ba), ba.pop(), ba)
del ba[0]
ba.insert(0, 0x2A)
ba += b"!!"
print(ba, ba.decode(), ba.upper(), ba.find(b"Z"), ba.reverse(), ba)
ba2 = bytearray(4)
ba2[::2] = b"\x01\x02"
print(ba2, bytearray(b"x") * 3, bytearray("é", "utf-8"), bytearray(range(3)))
try:
    ba.append(300)
except ValueError as e:
    print("ValueError:", e)
print(hash(b"x") == hash(b"x"), {b"k": 1}[b"k"], b"abc".isalpha(), b"123".isdigit())
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
print(bytes(ba) == ba, ba == b"!!fedZYX*", memoryview(b"abc")[1], bytes(memoryview(b"xyz")[::2]))
