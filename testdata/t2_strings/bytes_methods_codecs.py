# bytes/bytearray methods, mutation, %-formatting and codecs, each result or error.
b = b"Hello, World"
ops = [lambda: b.lower(), lambda: b.title(), lambda: b.swapcase(), lambda: b.center(20, b"-"), lambda: b.ljust(3),
       lambda: b.split(b", "), lambda: b.rsplit(b"o", 1), lambda: b" a  b ".split(None, 1), lambda: b.partition(b"o"), lambda: b.rpartition(b"o"),
       lambda: b.find(b"o", 5), lambda: b.rfind(b"o"), lambda: b.index(111), lambda: b.count(b"l"), lambda: b.replace(b"l", b"L", 2),
       lambda: b.startswith((b"He", b"x")), lambda: b.endswith(b"ld", 0, 12), lambda: b.strip(b"Hd"), lambda: b.zfill(15), lambda: b"-3".zfill(5),
       lambda: b.expandtabs(), lambda: b"a\tb".expandtabs(4), lambda: b.hex(":"), lambda: bytes.fromhex("0a 0B"), lambda: bytearray.fromhex("ff"),
       lambda: b.translate(None, b"lo"), lambda: b.translate(bytes.maketrans(b"lo", b"01")), lambda: b"x\ny\r\nz".splitlines(True), lambda: b.isalpha(), lambda: b"Ab Cd".istitle(),
       lambda: b.decode("ascii"), lambda: b"\xe9".decode("latin-1"), lambda: b"\xff\xfe".decode("utf-8", "backslashreplace"), lambda: "é€".encode("ascii", "xmlcharrefreplace"), lambda: "é".encode("utf-32"),
       lambda: bytearray(b"abc") + b"d", lambda: b"d" + bytearray(b"abc"), lambda: bytearray(b"ab") * 2, lambda: bytearray(b"abc") < b"abd", lambda: bytearray(b"abc") == bytearray(b"abc"),
       lambda: b"abc"[::-1], lambda: bytearray(b"abc")[1:], lambda: b"b" in bytearray(b"abc"), lambda: 98 in b"abc", lambda: hash(bytearray()),
       lambda: b"%5.1f|%s|%r" % (2.25, b"x", "y"), lambda: bytearray(b"%d") % 5, lambda: bytes(5), lambda: bytes([1, 2]), lambda: bytearray("é", "latin-1"),
       lambda: bytes("x", "nope"), lambda: "x".encode("utf-8", "bogus"), lambda: b"\xc3".decode(), lambda: b"\xc3\x28".decode(), lambda: "ab".encode("ascii").decode("utf-16-le", "replace")]
for f in ops:
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))
ba = bytearray(b"0123456789")
ba[2:5] = [65, 66]; print(ba)
del ba[::3]; print(ba)
ba[::2] = b"xyz" if len(ba[::2]) == 3 else b"x" * len(ba[::2]); print(ba)
try:
    ba[0] = 256
except ValueError as e: print(e)
try:
    ba[1:2] = 5
except TypeError as e: print(e)
ba.extend(range(3)); ba.remove(0); print(ba, ba.pop(0), ba.copy(), ba.insert(-1, 35), ba)
ba *= 2; print(ba); ba.clear(); print(ba, len(ba))
