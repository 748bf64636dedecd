# split/rsplit with and without sep and maxsplit, splitlines, strip variants.
s = "  a  b   c d  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
print(s.rsplit(maxsplit=2), s.split(" ", 2), s.rsplit(" ", 2))
p = "a,b,,c,"
print(p.split(","), p.split(",", 1), p.rsplit(",", 1), p.split(",", 0), p.split(",", -1))
print("".split(), "".split(","), "   ".split(), "   ".split(" "))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), ":::".split("::"))
print("one\ttwo\nthree\x0bfour\x0cfive\rsix".split())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("l1\nl2\r\nl3\rl4\n".splitlines(), "l1\nl2\n".splitlines(True), "".splitlines(), "x\n\ny".splitlines())
t = "xx--hello--xx"
print(t.strip("x"), t.strip("x-"), t.lstrip("x"), t.rstrip("-x"), t.strip(), t.strip(""))
print(repr("\t\n  hi \r\n".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("abcba".strip("ab"), "aaa".strip("a") == "", "www.example.com".strip("cmowz."))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "abc".removeprefix("x"))
print("1,2,3".split(",", maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1))
for line in "k1=v1;k2=v2;bad;k3==v3".split(";"):
    k, sep, v = line.partition("=")
    print(repr(k), repr(sep), repr(v))
print([w.strip(".,!") for w in "Hello, world! How are you.".split()])
