import os, select, selectors, socket, errno

r, w = os.pipe()
print("select idle:", select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"hello")
print("select ready:", select.select([r], [], [], 0.5)[0] == [r])
print("error is OSError:", select.error is OSError)

class FD:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd

wrapped = FD(r)
print("fileno objects returned as given:", select.select([wrapped], [], [], 0)[0][0] is wrapped)
for bad in ([-1], [object()], [1.5]):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for t in ("x", -1):
    try:
        select.select([], [], [], t)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print("poll:", sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print("poll after modify:", p.poll(10) == [(r, select.POLLIN)])
p.unregister(w)
try:
    p.unregister(w)
except KeyError:
    print("unregister twice: KeyError")
try:
    p.modify(w, select.POLLIN)
except OSError as e:
    print("modify unknown:", e.errno == errno.ENOENT, type(e).__name__)
try:
    p.poll("soon")
except TypeError as e:
    print(e)

ep = select.epoll()
print("epoll open:", ep.closed is False, ep.fileno() > 2)
ep.register(r, select.EPOLLIN)
ep.register(w, select.EPOLLOUT)
print("epoll:", sorted(ep.poll(0)) == sorted([(r, select.EPOLLIN), (w, select.EPOLLOUT)]))
try:
    ep.register(r)
except FileExistsError as e:
    print("register twice:", e.errno == errno.EEXIST)
print("maxevents=1:", len(ep.poll(0, 1)))
try:
    ep.poll(0, 0)
except ValueError as e:
    print(e)
ep.unregister(w)
print(os.read(r, 5))
print("drained:", ep.poll(0.01))
ep.close()
print("closed:", ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
with select.epoll() as ep2:
    print("in with:", ep2.closed)
print("after with:", ep2.closed)
ep3 = select.epoll.fromfd(os.dup(r))
print("fromfd:", type(ep3).__name__)
ep3.close()

a, b = socket.socketpair()
sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(a, selectors.EVENT_READ, data="a-data")
sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data="b-data")
events = sel.select(0)
print(sorted((key.data, mask) for key, mask in events))
b.send(b"ping")
events = sel.select(0.5)
print(sorted((key.data, mask) for key, mask in events))
print(a.recv(10))
sel.modify(b, selectors.EVENT_READ, data="b2")
print(sel.get_key(b).data, len(sel.get_map()))
sel.unregister(a)
print(sel.select(0))
sel.close()
for sel_class in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    s = sel_class()
    s.register(r, selectors.EVENT_READ)
    os.write(w, b"!")
    got = s.select(1)
    print(sel_class.__name__, [(k.fd == r, m) for k, m in got])
    os.read(r, 1)
    s.close()
a.close(); b.close()
os.close(r); os.close(w)
