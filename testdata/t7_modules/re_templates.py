# Replacement templates: \g<name>, \g<0>, numbered groups, escapes, and
# re.escape round trips.
import re

people = "Ada Lovelace, Alan Turing, Grace Hopper"
name = re.compile(r"(?P<first>\w+) (?P<last>\w+)")
print(name.sub(r"\g<last>, \g<first>", people))
print(name.sub(r"<\g<0>>", people))
print(name.sub(r"\2 \1", people, count=2))
print(re.sub(r"(\w+)@(\w+)\.com", r"\1 at \2 dot com", "mail ada@example.com now"))
print(re.sub(r"a", r"\n", "banana").split("\n"))
print(re.sub(r"(?P<x>\d)", r"[\g<x>\g<1>]", "a1b2"))
print(re.sub(r"b", r"\\", "abc"))
print(name.search(people).expand(r"\g<first>-\g<last>"))
for bad in [r"\g<missing>", r"\3", r"\g<1", "\\"]:
    try:
        name.sub(bad, people)
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
for s in ["a.b", "1+1=2", "[x]", "tab\there", "ünï"]:
    e = re.escape(s)
    print(e, bool(re.fullmatch(e, s)))
print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"))
print(re.sub(r"\w+", lambda m: m[0].upper() if len(m[0]) > 3 else None or m[0], "the quick brown fox"))
template = "Hello {name}, you owe {amount}"
print(re.sub(r"\{(\w+)\}", lambda m: {"name": "Bob", "amount": "$3"}[m[1]], template))
