import _thread
l = _thread.allocate_lock()
print(repr(l).split(' at ')[0], type(l), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try: l.release()
except RuntimeError as e: print(e)
with l: print(l.locked())
r = _thread.RLock(); r.acquire(); r.acquire(); print(repr(r).split(' owner=')[0], r._is_owned())
r.release(); r.release()
try: r.release()
except RuntimeError as e: print(e)
class L(_thread._local): pass
x = L(); x.a = 1; print(x.a, _thread.TIMEOUT_MAX, _thread.error)
import reprlib, functools, collections, heapq
print('ok')
print(_thread.get_ident() == _thread.get_ident(), isinstance(_thread.get_native_id(), int))
l = _thread.allocate_lock()
for args in [(False, 1), (True, -2)]:
    try:
        l.acquire(*args)
    except ValueError as e:
        print("ValueError", e)
r = _thread.RLock()
r.acquire()
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._is_owned())
r.release()
