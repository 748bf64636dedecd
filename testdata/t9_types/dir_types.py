# dir() and vars() of builtin types: which names each type defines itself.

COMMON = ["__add__", "__bool__", "__contains__", "__eq__", "__getitem__",
          "__hash__", "__init__", "__iter__", "__len__", "__lt__", "__mul__",
          "__new__", "__repr__", "__str__", "__doc__"]

EXTRA = {
    object: ["__class__", "__dict__", "__init_subclass__", "__subclasshook__", "__format__"],
    int: ["bit_length", "real", "__index__", "__float__", "__trunc__"],
    float: ["is_integer", "fromhex", "__index__", "__round__", "__getformat__"],
    complex: ["real", "conjugate", "__abs__", "__complex__", "__float__"],
    str: ["join", "maketrans", "__mod__", "__rmul__", "decode"],
    bytes: ["decode", "fromhex", "hex", "__bytes__", "encode"],
    bytearray: ["append", "__iadd__", "__alloc__", "__setitem__", "isdecimal"],
    list: ["append", "sort", "__iadd__", "__reversed__", "__class_getitem__"],
    tuple: ["count", "index", "__getnewargs__", "__class_getitem__", "__reversed__"],
    dict: ["fromkeys", "get", "__missing__", "__or__", "__reversed__"],
    set: ["add", "union", "__ior__", "__iand__", "__reduce__"],
    frozenset: ["add", "union", "copy", "__ior__", "__reduce__"],
    range: ["start", "index", "__reversed__", "__reduce__", "count"],
    slice: ["start", "indices", "__reduce__", "step", "__ge__"],
    bool: ["__and__", "__or__", "__invert__", "bit_length", "__xor__"],
    type: ["mro", "__mro__", "__call__", "__subclasses__", "__prepare__"],
}

for T in (object, int, float, complex, str, bytes, bytearray, list, tuple,
          dict, set, frozenset, range, slice, bool, type):
    own = set(vars(T))
    print(T.__name__, "common", sorted(own.intersection(COMMON)))
    print(T.__name__, "extra", sorted(own.intersection(EXTRA[T])))
    d = dir(T)
    print(T.__name__, "dir has", [n for n in EXTRA[T] if n in d])
    print(T.__name__, "dir sorted", d == sorted(d), "unique", len(d) == len(set(d)))

print("'append' in dir(list)", "append" in dir(list))
print("'append' in dir(tuple)", "append" in dir(tuple))
print("'keys' in dir(dict)", "keys" in dir(dict))
print("'__dict__' in dir(int)", "__dict__" in dir(int))
print("'__class__' in dir(3)", "__class__" in dir(3))
print("'mro' in dir(int)", "mro" in dir(int))
print("'bit_length' in dir(True)", "bit_length" in dir(True))
print("dir(5) == dir(int)", dir(5) == dir(int))
print("dir([]) == dir(list)", dir([]) == dir(list))

for T in (list, dict, str, set, tuple, int, float, frozenset, bytes, complex, object):
    public = [n for n in dir(T) if not n.startswith("_")]
    print("public", T.__name__, len(public))
print("public list names", [n for n in dir(list) if not n.startswith("_")])
print("public dict names", [n for n in dir(dict) if not n.startswith("_")])
print("public int names", [n for n in dir(int) if not n.startswith("_")])
