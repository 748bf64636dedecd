import string, random
print(string.ascii_letters, string.capwords("hello  world"))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.Template("$who $$ $x").safe_substitute(who="a"))
f = string.Formatter()
print(f.format("{0}-{x!r:>5}-{y[1]}-{z.real}", 1, x="a", y=[1, 2], z=3))
print(list(f.parse("a{0}b{x!r:>{w}}c{{d}}")), string.Formatter().vformat("{} {}", (1, 2), {}))
import _string
print(_string.formatter_field_name_split("a.b[0][x]")[0], list(_string.formatter_field_name_split("0.b[0][x]")[1]))
r = random.Random(42)
print(r.random(), r.randint(1, 100), r.choice("abcdef"), r.sample(range(100), 3), r.getrandbits(70))
random.seed("hello")
print(random.random())
random.seed(b"bytes")
print(random.random(), random.gauss(0, 1))
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
class R(random.Random):
    pass
print(R(5).random(), type(random.Random()).__mro__)
try:
    random.Random(1, 2)
except TypeError as e:
    print(e)
print(random.Random(3.5).random(), random.Random(-7).random() == random.Random(7).random())
