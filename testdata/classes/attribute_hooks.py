# __getattr__, __getattribute__, __setattr__, __delattr__, __new__, iterator classes, __eq__/__hash__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        self._log.append(("get", name))
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self._log.append(("set", name))
        setattr(self._target, name, value)

    def __delattr__(self, name):
        self._log.append(("del", name))
        delattr(self._target, name)


class Thing:
    pass


t = Thing()
p = Proxy(t)
p.color = "red"
print(p.color, t.color)
del p.color
print(hasattr(t, "color"), p._log)


class Loud:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name).upper() if name == "word" else object.__getattribute__(self, name)

    def __init__(self):
        self.word = "quiet"
        self.secret_key = 1


lo = Loud()
print(lo.word, getattr(lo, "secret_key", "denied"), lo.__dict__)


class Interned:
    _cache = {}

    def __new__(cls, value):
        if value in cls._cache:
            print("reusing", value)
            return cls._cache[value]
        inst = super().__new__(cls)
        cls._cache[value] = inst
        return inst

    def __init__(self, value):
        print("init", value)
        self.value = value


i1, i2, i3 = Interned(1), Interned(2), Interned(1)
print(i1 is i3, i1 is i2, len(Interned._cache))


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(5)), sum(Countdown(100)), [x for x in Countdown(3)])
cd = Countdown(2)
print(next(cd), next(cd), next(cd, "exhausted"))


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k.lower() == other.k.lower()

    def __hash__(self):
        return hash(self.k.lower())


class NoHash:
    def __eq__(self, other):
        return True


d = {Key("Abc"): 1}
print(d[Key("aBC")], Key("x") == Key("X"), Key("x") != Key("y"), Key("a") == "a", NoHash() == 5, NoHash.__hash__)
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)


class Ordered:
    def __init__(self, v):
        self.v = v

    verbose = False

    def __lt__(self, o):
        if Ordered.verbose:
            print(f"lt {self.v} {o.v}")
        return self.v < o.v

    def __repr__(self):
        return f"O{self.v}"


print(sorted([Ordered(3), Ordered(1), Ordered(2)]))
Ordered.verbose = True
print(Ordered(5) > Ordered(4))
try:
    Ordered(1) <= Ordered(2)
except TypeError as e:
    print("TypeError:", e)
