import socket, errno

a, b = socket.socketpair()
print(a.family, a.type, a.proto, type(a).__name__)
print(a.getsockname(), repr(b.getpeername()))
print(a.gettimeout(), a.getblocking())
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
buf = bytearray(8)
b.send(b"xyz")
print(a.recv_into(buf), buf)
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
a.settimeout(0.02)
try:
    a.recv(10)
except TimeoutError as e:
    print("timeout:", e, isinstance(e, socket.timeout))
a.settimeout(None)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) > 0)
b.shutdown(socket.SHUT_WR)
print("after shutdown:", a.recv(10))
fd = b.detach()
print(b.fileno(), fd > 2)
c = socket.socket(fileno=fd)
print(c.family, c.type)
c.close()
print(c.fileno(), repr(c).startswith("<socket.socket [closed]"))
try:
    c.send(b"x")
except OSError as e:
    print("closed:", e.errno == errno.EBADF)
with a:
    pass
print(a._closed)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536)
cli = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1])
cli.sendall(b"over tcp")
print(conn.recv(100))
conn.settimeout(0.01)
try:
    conn.recv(1)
except socket.timeout:
    print("tcp timeout")
for s in (cli, conn, srv):
    s.close()

for bad in ["x", ("a",), ("127.0.0.1", 70000)]:
    try:
        socket.socket().connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(socket.htons(1), socket.ntohl(1), socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.getdefaulttimeout(), socket.has_ipv6, isinstance(socket.gethostname(), str))
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
print(socket.AF_UNIX, socket.SOCK_DGRAM, socket.AddressFamily.AF_INET6, socket.SocketKind(1))
print(issubclass(socket.gaierror, OSError), socket.error is OSError)
