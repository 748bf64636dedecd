# The types module names the interpreter's types, and each is a real type.
import types

for n in ["SimpleNamespace", "MappingProxyType", "FunctionType", "CodeType",
          "FrameType", "TracebackType", "GeneratorType", "CoroutineType",
          "AsyncGeneratorType", "MethodType", "BuiltinFunctionType",
          "BuiltinMethodType", "ModuleType", "LambdaType", "CellType",
          "GetSetDescriptorType", "MemberDescriptorType", "MethodDescriptorType",
          "WrapperDescriptorType", "MethodWrapperType",
          "ClassMethodDescriptorType", "NoneType", "EllipsisType",
          "NotImplementedType", "GenericAlias", "UnionType"]:
    t = getattr(types, n)
    print(n, isinstance(t, type), t.__name__)


def f():
    pass


# What CPython's types.py computes them from.
print(type(f.__code__) is types.CodeType)
print(type(types.FunctionType.__code__) is types.GetSetDescriptorType)
print(type(types.FunctionType.__globals__) is types.MemberDescriptorType)
print(type(str.join) is types.MethodDescriptorType)
print(type(object.__init__) is types.WrapperDescriptorType)
print(type(object().__str__) is types.MethodWrapperType)
print(type(dict.__dict__["fromkeys"]) is types.ClassMethodDescriptorType)
print(type(len) is types.BuiltinFunctionType, type([].append) is types.BuiltinMethodType)
print(type(int.__dict__) is types.MappingProxyType)
print(type(list[int]) is types.GenericAlias, type(int | str) is types.UnionType)

d = {"a": 1}
p = types.MappingProxyType(d)
d["b"] = 2
print(p["a"], len(p), sorted(p), "b" in p, p.get("z", 0))
try:
    p["c"] = 3
except TypeError as e:
    print("TypeError", e)
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print("TypeError", e)


class NS(types.SimpleNamespace):
    pass


print(NS(a=1), isinstance(NS(), types.SimpleNamespace))
