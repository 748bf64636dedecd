# Constants from the string module.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace"]:
    value = getattr(string, name)
    print(f"{name:16} {len(value):3} {value!r}")
print(len(string.printable), repr(string.printable[-10:]))
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(string.capwords("hello   world  foo"), string.capwords("a-b c-d", "-"))
print(all(c in string.printable for c in "Hello, World!\n"))
print([c for c in "a1B2_c!" if c in string.ascii_letters])
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print("hello".translate(table), "uryyb".translate(table))
print(sum(c in string.punctuation for c in "Hi! How's it going?"))
tmpl = string.Template("$who likes ${what}s, $$5")
print(tmpl.substitute(who="tim", what="kung pao"))
print(tmpl.safe_substitute(who="ann"))
try:
    tmpl.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
