# PEP 560 (__mro_entries__, __orig_bases__) and CPython's typing module.
import typing
from typing import Generic, TypeVar, Protocol, NamedTuple, TypedDict, Optional, Union, List
import json, textwrap, enum

T = TypeVar("T")

class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

print(Box.__mro__, Box.__orig_bases__, Box[int])
print(Box[int](3).item, typing.get_type_hints(Box.__init__))

class Closer(Protocol):
    def close(self) -> None: ...

class Point(NamedTuple):
    x: int
    y: int = 0

class Movie(TypedDict):
    title: str
    year: int

print(Point(1), Point._fields, Movie(title="x", year=1), Optional[int], Union[int, str], List[int])
print(typing.get_origin(List[int]), typing.get_args(dict[str, int]))

class Alias:
    def __init__(self, origin):
        self.origin = origin
    def __mro_entries__(self, bases):
        return (self.origin,)

class Meta(type):
    pass

class Base(metaclass=Meta):
    pass

class C(Alias(Base), int.__class__.__mro__[-1]):
    pass
print(type(C).__name__, [k.__name__ for k in C.__mro__], type(C.__orig_bases__[0]).__name__)

class Bad:
    def __mro_entries__(self, bases):
        return [object]
try:
    class D(Bad()):
        pass
except TypeError as e:
    print("TypeError", e)

class R:
    pass
R.__name__ = "Renamed"
R.__qualname__ = "Outer.Renamed"
print(R.__name__, R.__qualname__, "__name__" in R.__dict__, R)
for bad in [1, None]:
    try:
        R.__name__ = bad
    except TypeError as e:
        print("TypeError", e)
print(json.dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}}, sort_keys=True, indent=2))
print(json.loads('{"a": [1, 2, {"b": null}], "u": "\\u00e9"}'))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("    a\n      b\n"), textwrap.shorten("Hello  world, how are you?", width=15))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(list(Color), Color(2), Color["RED"].name)
