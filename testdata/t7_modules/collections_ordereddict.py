# collections.OrderedDict: move_to_end, popitem, equality, reversed.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(od)
od.move_to_end("b", last=False)
print(od)
print(od.popitem(), od)
print(od.popitem(last=False), od)
try:
    od.move_to_end("zzz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)

x = OrderedDict([("a", 1), ("b", 2)])
y = OrderedDict([("b", 2), ("a", 1)])
print(x == y, dict(x) == dict(y), x == dict(y), dict(y) == x)
print(list(reversed(x)), list(reversed(x.items())), list(reversed(x.values())))
x["a"] = 100
print(x)
del x["a"]
x["a"] = 1
print(x)
print(x.setdefault("c", 3), x.pop("b"), x)
print(OrderedDict.fromkeys("xyz", 0))
print(repr(OrderedDict()), OrderedDict(a=1) | {"b": 2})
cp = x.copy()
cp.move_to_end("a")
print(x, cp, type(cp).__name__)


class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap

    def get_item(self, k):
        if k not in self:
            return None
        self.move_to_end(k)
        return self[k]

    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            print("  evict", self.popitem(last=False))


cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
cache.get_item("a")
cache.put("c", 3)
print(list(cache.items()))
