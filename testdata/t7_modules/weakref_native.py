import _weakref as weakref
class C:
    def m(self): return 1
c = C()
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.ref(c, lambda r: 0) is r, weakref.getweakrefcount(c))
print(repr(r).split(' at ')[0], type(r), type(r).__name__, weakref.ReferenceType is weakref.ref)
log = []
r2 = weakref.ref(c, lambda ref: log.append(('died', ref is r2)))
print(r2.__callback__ is not None, len(weakref.getweakrefs(c)))
h = hash(r)
print(r == weakref.ref(c), r == r2, r != r2)
del c
print(r(), log, r2.__callback__, repr(r).endswith('; dead>'), hash(r) == h)
for o in [1, 'a', [], {}, object(), Exception(), len, C, {1}, C().m]:
    try:
        weakref.ref(o); print(type(o).__name__, 'ok')
    except TypeError as e:
        print(e)
class D:
    x = 5
d = D()
p = weakref.proxy(d)
print(p.x, type(p).__name__, repr(p).split(' at ')[0])
p.y = 7; print(d.y)
f = lambda x: x * 2
q = weakref.proxy(f); print(q(21), type(q).__name__)
del d
try: p.x
except ReferenceError as e: print('ReferenceError', e)
try: hash(q)
except TypeError as e: print(e)
class K(weakref.ref):
    def __init__(self, ob, cb=None, key=None):
        super().__init__(ob, cb); self.key = key
    def __new__(cls, ob, cb=None, key=None):
        return weakref.ref.__new__(cls, ob, cb)
e = C(); k = K(e, None, 'k'); print(k.key, k() is e, type(k).__name__)
import abc, copy, types, enum, weakref as pyweakref
print("imported", pyweakref.ref is weakref.ref)
# CPython's weakref module on top: WeakValueDictionary, WeakSet, finalize.
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
objs = [Obj(i) for i in range(4)]
wvd = pyweakref.WeakValueDictionary((o.n, o) for o in objs)
ws = pyweakref.WeakSet(objs)
print(len(wvd), len(ws), sorted(wvd.keys()))
del objs[1]
print(len(wvd), len(ws), sorted(wvd.keys()), sorted(o.n for o in ws))
wkd = pyweakref.WeakKeyDictionary({o: o.n for o in objs})
print(sorted(wkd.values()))
objs.pop()
print(sorted(wkd.values()))
events = []
o = Obj(9)
f = pyweakref.finalize(o, events.append, "finalized")
print(f.alive, events)
del o
print(f.alive, events)
class Node:
    pass
n = Node(); n.parent = pyweakref.ref(Node())
print(n.parent())
