# CPython's threading module on py2vm's one thread: the main thread, locks,
# conditions, events, semaphores, thread-local data, timers refused.
import threading

t = threading.current_thread()
print(t.name, t is threading.main_thread(), t.daemon, threading.active_count())
lock = threading.Lock()
with lock:
    print("locked", lock.locked(), lock.acquire(False))
print(lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print("re-entered")
c = threading.Condition()
with c:
    c.notify_all()
    print("wait timed out:", c.wait(0.01))
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
s = threading.BoundedSemaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
s.release(); s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError", e)
data = threading.local()
data.x = 5
print(data.x, threading.get_ident() == t.ident)
