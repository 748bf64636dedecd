# Lookahead, lookbehind, atomic groups, possessive quantifiers,
# conditionals and backreferences: Python's backtracking semantics.
import re

print(re.findall(r"(?<=\$)\d+", "cost $30 or $45, not 60"))
print(re.findall(r"(?<!\$)\b\d+", "cost $30 or $45, not 60"))
print(re.findall(r"\w+(?=ing\b)", "singing and dancing in spring"))
print(re.findall(r"\b\w+\b(?!\s+and)", "cats and dogs and birds"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a+)ab", "aaab"))
print(re.match(r"a++b", "aaab"), re.match(r"a++ab", "aaab"), re.match(r"a*+", "aaa"))
print(re.findall(r"(\w)\1", "hello bookkeeper"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' and \"bye\"").group())
p = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
for s in ["<user@host.com>", "user@host.com", "<user@host.com", "user@host.com>"]:
    m = p.match(s)
    print(s, m and m.group(2))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"(a*)*b", "aaab").groups(), re.match(r"(a*)+b", "b").groups())
print(re.match(r"(?:(a)|b)*", "ab").groups(), re.match(r"(a|b)*?c", "abc").groups())
print(re.findall(r"a{2,3}?", "aaaaa"), re.findall(r"a{2,}", "aaaaa a aa"))
print(re.match(r"(x)?(?(1)y|z)", "z"), re.match(r"^(?:(\d)|x)+$", "1x2x").group(1))
print(re.search(r"\Bon\B", "python on bonbon").span(), re.findall(r"\bon\b", "on python on"))
print(re.match(r"(?s).+", "a\nb").group(), re.match(r".+", "a\nb").group())
print(re.search(r"\Aab\Z", "ab\n"), re.search(r"^ab$", "ab\n"))
print(re.findall(r"(?m)^\w", "ab\ncd\n\nef"), re.findall(r"(?m)\w$", "ab\ncd\n"))
print(re.match(r"(a)(?:b(c)|d)?", "ad").groups(), re.match(r"(?:a(b)?)+", "aba").groups())
print(re.match("(?x) a \\  b  # comment", "a b"))
print(re.search(r"x*", "abc").span(), [m.span() for m in re.finditer(r"\b|x", "ab cd")])
