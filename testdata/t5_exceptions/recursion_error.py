# RecursionError is caught, is a RuntimeError subclass, and the interpreter recovers afterwards.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError), type(e).__mro__[1].__name__)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
def depth_after(n):
    return 0 if n == 0 else 1 + depth_after(n - 1)
print("recovered depth", depth_after(200))
cleanup = []
def with_finally(n):
    try:
        return with_finally(n + 1)
    finally:
        if n % 250 == 0:
            cleanup.append(n)
try:
    with_finally(0)
except RecursionError:
    print("finally blocks ran:", cleanup[:3], len(cleanup) > 0)
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError:
    print("repr recursion caught")
class Attr:
    def __getattr__(self, name):
        return self.missing
try:
    Attr().x
except RecursionError:
    print("getattr recursion caught")
attempts = 0
for i in range(3):
    try:
        forever(0)
    except RecursionError:
        attempts += 1
print("caught", attempts, "times")
lst = []
lst.append(lst)
print(lst, str(lst))
d = {}
d["self"] = d
print(d)
