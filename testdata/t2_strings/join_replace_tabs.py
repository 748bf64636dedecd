# join, replace with count, expandtabs, translate/maketrans, multiplication.
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(str(i) for i in range(5)))
print("|".join(("one",)), ", ".join({"k1": 1, "k2": 2}), "".join(map(str.upper, ["a", "b"])))
try:
    ",".join(["a", 1, "c"])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join("abc", "def")
except TypeError as e:
    print("TypeError:", e)
s = "aaa bbb aaa ccc aaa"
print(s.replace("aaa", "X"), s.replace("aaa", "X", 2), s.replace("aaa", "X", 0), s.replace("aaa", "X", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaaa".replace("aa", "b"))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "a.b.c".replace(".", "..", 1))
tab = "a\tbc\tdef\tghij\tk"
print(repr(tab.expandtabs()), repr(tab.expandtabs(4)), repr(tab.expandtabs(0)), repr(tab.expandtabs(1)))
print(repr("12\n\t3\r\t45".expandtabs(3)), repr("\t".expandtabs(-1)))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(str.maketrans({"a": "1", "b": None}), "abba".translate(str.maketrans({"a": "11", "b": None})))
print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2, "" * 100)
parts = []
for i in range(4):
    parts.append(str(i) * i)
print(parts, "+".join(parts), len("+".join(parts)))
print("a" + "b" + "c", "abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", sorted(["b", "A", "a", "B", "é"]))
print(min("hello"), max("hello"), sorted("hello"), "".join(sorted("hello", reverse=True)))
print(list(reversed("abc")), "abc"[::-1], str(["a", 'b"c', "d'e"]))
