# Hand-written record classes (no dataclasses): generated __init__/__repr__/__eq__, class decorators.
def record(*fields, defaults=None):
    defaults = defaults or {}

    def deco(cls):
        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} takes {len(fields)} args")
            values = dict(zip(fields, args))
            for k, v in kwargs.items():
                if k not in fields:
                    raise TypeError(f"unexpected field {k!r}")
                if k in values:
                    raise TypeError(f"duplicate field {k!r}")
                values[k] = v
            for f in fields:
                if f not in values:
                    if f not in defaults:
                        raise TypeError(f"missing field {f!r}")
                    values[f] = defaults[f]
                setattr(self, f, values[f])

        def __repr__(self):
            inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
            return f"{cls.__name__}({inner})"

        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return all(getattr(self, f) == getattr(other, f) for f in fields)

        def astuple(self):
            return tuple(getattr(self, f) for f in fields)

        cls.__init__ = __init__
        cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        cls.__hash__ = None
        cls.astuple = astuple
        cls.fields = fields
        return cls
    return deco


@record("x", "y", defaults={"y": 0})
class Point:
    def norm1(self):
        return abs(self.x) + abs(self.y)


@record("name", "tags", "owner", defaults={"tags": (), "owner": None})
class Item:
    pass


p = Point(3, -4)
print(p, p.norm1(), p.astuple(), Point(1), Point(y=2, x=1), p == Point(3, -4), p == Point(3, 4), p == (3, -4))
print(Item("pen"), Item("cup", tags=("kitchen",), owner=Point(0)), Point.fields, Point.__hash__)
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Inventory:
    def __init__(self):
        self.items = []

    def add(self, item, qty=1):
        self.items.append((item, qty))
        return self

    def total(self):
        return sum(q for _, q in self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Inventory(" + ", ".join(f"{i.name}x{q}" for i, q in self.items) + ")"


inv = Inventory().add(Item("apple"), 3).add(Item("pear")).add(Item("fig", owner="me"), 10)
print(inv, len(inv), inv.total(), sorted(i.name for i, _ in inv.items))
print(sorted(inv.items, key=lambda iq: -iq[1])[0][0], type(inv).__name__, Inventory.__qualname__)
