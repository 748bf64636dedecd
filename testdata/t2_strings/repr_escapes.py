# repr() of strings: quote selection, escapes, non-printables.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "cr\rx", "back\\slash",
           "\x00\x01\x1f", "\x7f", "\x80\x9f", "\xa0", "\xad", "é", "日本", "😀", "\u200b", "\u2028", "\ud800",
           "\ufeff", "\U000e0001", "", "'", '"', "\\", "\a\b\f\v", "\x1b[0m"]
for s in samples:
    print(repr(s), len(s), ascii(s))
print(str("it's"), str('q"'), ["it's", 'q"', "n\n"], ("\t",), {"k'": "v\""})
print("%r" % "a'b", "{!r}".format("x\ny"), f"{'tab	'!r}", f"{chr(10)!r:>8}")
print(repr(repr("a")), repr(str(repr("'"))))
print(repr("mixed ' \" \\ \n \x00 é 😀"), len(repr("mixed ' \" \\ \n \x00 é 😀")))
raw = r"raw\n\t\\"
print(raw, len(raw), repr(raw))
print("""triple "quoted" 'str'""", repr('''a'''), repr("""multi
line"""))
print("implicit" " concat" ' here', repr("a" "\n" 'b'))
print(repr(b"bytes 'q' \"d\" \x00\xff\n"), repr(b"it's"), repr(bytearray(b'"')))
