# Case conversion, padding/alignment, is* predicates.
s = "hello wORLD it's 3rd-party_x"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), sep="|")
print("ß".upper(), "ǅ".lower(), "İ".lower() == "i\u0307", "ﬁ".upper(), "STRASSE".casefold(), "ß".casefold())
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".center(2), "ab".center(5, "-"), "abc".center(6, "-"))
print("|" + "x".ljust(4) + "|" + "x".rjust(4, ".") + "|", "long".ljust(2))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "-".zfill(3), "12345".zfill(3))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
tests = ["abc", "ABC", "Abc", "123", "½", "²", "abc123", "", " ", "\t\n", "Hello World", "hello world", "٣", "a_b", "_x1", "1x", "Ⅷ"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
print("\x07".isprintable(), "é".isascii(), "é".isalpha(), "class".isidentifier())
print("they're bill's friends".title(), "hELLO".capitalize(), "123abc".capitalize(), "a1b2".title())
