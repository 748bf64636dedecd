# Nested code objects, class bodies inside functions, scope rules, and postponed annotations.
from __future__ import annotations

x = "module x"


def make_class(tag: str) -> type:
    y = "enclosing y"

    class Local:
        x = "class x"
        label: Local = None
        seen = [x for _ in range(1)]
        from_enclosing = y + "/" + tag

        def method(self) -> tuple[str, str]:
            return x, y

        def nested(self):
            def deeper():
                class Deepest:
                    def hello(inner_self):
                        return f"hello from {tag}"
                return Deepest().hello()
            return deeper()

    return Local


C = make_class("T1")
obj = C()
print(C.x, C.seen, C.from_enclosing, obj.method(), obj.nested())
print(C.__qualname__, C.method.__qualname__, C.__annotations__, make_class.__annotations__)


def annotated(a: NotDefinedAnywhere, b: list[int] = []) -> Undefined | None:
    local: AlsoUndefined = 5
    return local


print(annotated(1), annotated.__annotations__)


class Scope:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(items)

    def get(self):
        try:
            return items
        except NameError as e:
            return f"NameError: {e}"


print(Scope.doubled, Scope.total, Scope().get())


def counter_factory():
    counts = {}

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts


count, counts = counter_factory()
for w in "a b a c b a".split():
    count(w)
print(counts)


def unbound_local():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


unbound_local()


def level1():
    a = 1

    def level2():
        b = 2

        def level3():
            c = 3

            def level4():
                return a + b + c
            return level4
        return level3()
    return level2()()


print(level1(), level1.__code__.co_consts[1].co_name if False else "ok")
codes = [c.co_name for c in make_class.__code__.co_consts if hasattr(c, "co_name")]
print(codes)
print(locals_demo := (lambda: sorted(k for k in ("x", "C", "obj") if k in globals()))())
