# Unicode case mapping, predicates, whitespace splitting, str.format errors and find/count bounds.
tests = [lambda: "ǅungla".title(), lambda: "hello wORLD 3rd".title(), lambda: "ﬁ".upper(), lambda: "ΣΑΣ".lower(), lambda: "ß".swapcase(), lambda: "İ".casefold(),
 lambda: "\x1c\x1d a\u2028b".split(), lambda: "  x ".strip(), lambda: "\u00a0x\u00a0".strip(), lambda: "a\x0bb".splitlines(), lambda: "x".isidentifier(), lambda: "℘x".isidentifier(),
 lambda: "२३".isdecimal(), lambda: "⑦".isdigit(), lambda: "⑦".isdecimal(), lambda: "一".isnumeric(), lambda: "ǅ".istitle(), lambda: "ǅ".isupper(), lambda: "ᾈ".istitle(),
 lambda: "{0!r:^10}".format("a"), lambda: "{:{}{}}".format(1, "<", 5), lambda: "{a.real}".format(a=3), lambda: "{0[0][1]}".format(["xy"]), lambda: "{:{:{}}}".format(1, 2, 3),
 lambda: "{!}".format(1), lambda: "{0!rx}".format(1), lambda: "{0".format(1), lambda: "{0:".format(1), lambda: "}{".format(), lambda: "{[}".format(1), lambda: "{0]}".format([1]),
 lambda: "{.}".format(1), lambda: "{0[]}".format([1]), lambda: "{:%Y}".format(1), lambda: "{x}{}".format(1, x=2), lambda: "{}".format_map({}), lambda: "{a}".format_map({"a": 5}),
 lambda: "abc".find("c", 1, -0), lambda: "abc".rfind("", 5), lambda: "abc".count("", 1), lambda: "abc".startswith("", 3), lambda: "abc".startswith("", 4), lambda: "abc".endswith(("c",), -1),
 lambda: "a\tbc\td".expandtabs(3), lambda: f"{3.0:n}", lambda: f"{1234567:n}", lambda: f"{-5:=+8}", lambda: f"{'x':=>4}", lambda: f"{12:#_b}",
]
for t in tests:
    try:
        r = t()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))
print("ﬁx".capitalize(), "ǆa".capitalize(), "aBC dEF".capitalize(), "ﬁ".title())
