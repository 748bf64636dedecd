# Strings, escapes, unicode, f-strings, format specs and %-formatting.
s = 'caf\u00e9'
print(s, len(s), s.upper(), repr(s), ascii(s), s.encode('utf-8'))
esc = 'tab:\there\nnl \\ back \'q\' "dq" \x41\101 \N{GREEK SMALL LETTER ALPHA}'
print(esc)
print(repr(esc))
print(repr('\u2028'), len('\u2028'), repr('\x00\x7f\x80'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
emoji = "snake \U0001F40D!"
print(emoji, len(emoji), emoji[6], ascii(emoji), emoji.encode("utf-8"))
b = b'\x00\xff\'"'
print(b, len(b), list(b), b[1], b[1:3], b + b'abc', b * 2, bytes(3), bytearray(b'xy'))
print(b'hello'.upper(), b'a,b,c'.split(b','), b'abc'.hex(), bytes.fromhex('de ad'), b'%d-%s' % (5, b'x'))
raw = r'C:\new\table'
print(raw, len(raw), """triple "quoted"
spanning lines""", '''another''')
name, n, pi = "World", 42, 3.14159265
print(f"Hello, {name}! n={n} pi={pi:.3f} {n:>6} {n:<6}| {n:^7}| {n:08b} {n:#x} {n:#o} {n:X}")
print(f"{name!r} {name!s} {s!a} {s!r:>10} {name:*^11} {-n:+d} { n = } {pi=:.2f}")
print(f"{1234567:,} {1234567:_} {0.25:.1%} {1e-9:.2e} {12345.6789:10.2f}| {-3.5:010.2f}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] {'nested ' + f'{n * 2}'} {{braces}}")
print(f"{[x * 2 for x in range(3)]} {dict(a=1)} {(lambda q: q + 1)(4)} {n if n > 5 else 0}")
print("{} {} {}".format(1, 'two', 3.0), "{1}-{0}-{1}".format('a', 'b'), "{x}/{y}".format(x=1, y=2))
print("{0!r:>8}|{0:<8}|{1:.3}".format('hi', 'abcdef'), "{:,.2f}".format(9876543.219), "{.real}".format(3+4j))
print("{[1]} {[k]}".format([10, 20], {'k': 'v'}))
print("%s %r %d %5.2f %-5d| %05d %x %X %o %e %c %%" % ('s', 's', 7, 2.5, 3, 42, 255, 255, 8, 12345.678, 65))
print("%(a)s and %(b)03d" % {'a': 'A', 'b': 7}, "%s" % (1,), "%s" % [1, 2], "%.3s" % 'abcdef', "%+d" % 5)
t = "  The quick brown fox  "
print(t.strip(), t.lstrip(), t.rstrip() + "|", t.split(), t.strip().split(" ", 1), "a,b,,c".split(","))
print("-".join(["x", "y", "z"]), t.replace("quick", "slow"), t.find("q"), t.rfind("o"), t.count("o"), t.index("b"))
print("abc".startswith("ab"), "abc".endswith(("x", "c")), "Hello".swapcase(), "hello world".title(), "x".center(5, "*"))
print("42".zfill(5), "-42".zfill(5), "ab".ljust(4, ".") + "|", "ab".rjust(4) + "|", "abc".isalpha(), "123".isdigit(), " ".isspace())
print("a\tb".expandtabs(4), "line1\nline2\r\nline3".splitlines(), "mississippi".partition("ss"), "mississippi".rpartition("ss"))
print("ß".upper(), "ǅ".lower(), "İ".lower().encode(), "straße".casefold(), "ÄÖü".lower())
print(ord("A"), ord("é"), ord("🐍"), chr(97), chr(0x1F600), chr(955))
print("abc" < "abd", "Z" < "a", "abc" * 3, "ab" in "cabd", "x" not in "abc", "" in "abc")
print(str(1.0), str([1, 'a']), repr({'k': "v'"}), str(None), str(b'x'), str(True))
word = "racecar"
print(word[::-1] == word, word[1:-1], word[::2], sorted(word), "".join(reversed(word)))
print(hash("") == 0, "%-10s|" % "left", "%10s|" % "right", "{:=+8d}".format(-42), format("x", "^5"))
print(str.maketrans("abc", "xyz") == {97: 120, 98: 121, 99: 122}, "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
print("Ünïcödé".encode("utf-8").decode("utf-8"), "abc".encode("utf-16-le"), "é".encode("latin-1"))
