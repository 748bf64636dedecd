# Mapping patterns use .get()-style lookup: no __missing__, no __getitem__.
import collections

dd = collections.defaultdict(list)
dd["b"] = 2
match dd:
    case {"a": x}:
        print("matched a", x)
    case {"b": y}:
        print("matched b", y)
print("defaultdict after", sorted(dd.items()), "a" in dd)

match dd:
    case {"b": 2, **rest}:
        print("rest", rest, type(rest).__name__)
print("defaultdict still", sorted(dd.items()))


class Loud(dict):
    calls = []

    def __getitem__(self, key):
        Loud.calls.append(("getitem", key))
        return "via-getitem"

    def get(self, key, default=None):
        Loud.calls.append(("get", key))
        return dict.get(self, key, default)


ld = Loud(a=1, b=2, c=3)
match ld:
    case {"a": 1, **rest}:
        print("Loud matched rest", sorted(rest.items()), type(rest).__name__)
print("Loud calls", Loud.calls)
Loud.calls.clear()
match ld:
    case {"zz": _}:
        print("Loud zz matched")
    case {"b": v}:
        print("Loud b", v)
print("Loud calls 2", Loud.calls)


class Miss(dict):
    def __missing__(self, key):
        print("  __missing__ called", key)
        return 0


m = Miss(k=5)
print("Miss subscript", m["q"])
match m:
    case {"q": val}:
        print("Miss matched q", val)
    case {"k": val}:
        print("Miss matched k", val)
print("Miss after", sorted(m.items()))

match {"a": None}:
    case {"a": None}:
        print("None value matched")
match {}:
    case {}:
        print("empty pattern matches empty dict")
match {"x": 1}:
    case {}:
        print("empty pattern matches non-empty dict")
match [("k", 1)]:
    case {"k": _}:
        print("list matched mapping")
    case _:
        print("list is not a mapping")
