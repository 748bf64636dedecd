from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass, InitVar, KW_ONLY, FrozenInstanceError, is_dataclass
from typing import ClassVar, List
import dataclasses

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

i = Item("a", 1.5)
print(i, i == Item("a", 1.5), i == Item("b"), Item.__doc__)
print([f.name for f in fields(i)], asdict(i), astuple(i))
print(replace(i, price=3))

@dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0
print(sorted([P(2), P(1, 5), P(1, 2)]), hash(P(1)) == hash(P(1)))
try:
    P(1).x = 3
except FrozenInstanceError as e:
    print("frozen", e)

@dataclass
class Q:
    a: int
    scale: InitVar[int] = 1
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
print(Q(2, 5), Q.__init__.__annotations__ if False else "", Q.__doc__)

@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2
print(K(1, c=5), K.__match_args__)

@dataclass(kw_only=True)
class K2:
    a: int
    b: int = 0
print(K2(a=1))
try: K2(1)
except TypeError as e: print(e)

@dataclass(slots=True)
class S:
    a: int
    b: str = "x"
s = S(1)
print(s, S.__slots__, hasattr(s, '__dict__'))

@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
print(Derived(3, 4), fields(Derived)[0].name, is_dataclass(Derived))

M = make_dataclass("M", [("a", int), ("b", str, field(default="q"))], namespace={"hello": lambda self: "hi " + self.b})
m = M(1)
print(m, m.hello())

match P(1, 2):
    case P(1, y): print("matched", y)

@dataclass(eq=False, repr=False)
class N:
    v: int
print(N(1) == N(1), "N object" in repr(N(1)))
print(P.__doc__, Derived.__doc__, K.__doc__)
import inspect
print(inspect.signature(Q))
