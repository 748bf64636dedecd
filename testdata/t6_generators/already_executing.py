# "generator already executing" in next/send/throw/close from inside itself.
holder = {}


def selfref(kind):
    me = holder[kind]
    try:
        if kind == "next":
            next(me)
        elif kind == "send":
            me.send(None)
        elif kind == "throw":
            me.throw(KeyError("k"))
        elif kind == "close":
            me.close()
    except ValueError as e:
        print(kind, type(e).__name__, e)
    print(kind, "gi_running inside:", me.gi_running)
    yield kind


for kind in ("next", "send", "throw", "close"):
    holder[kind] = g = selfref(kind)
    print("before:", g.gi_running)
    print("yielded", next(g))
    print("after:", g.gi_running)


def via_list():
    yield 1
    yield list(gen)


gen = via_list()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print(type(e).__name__, e)


def via_for():
    for x in gen2:
        yield x


gen2 = via_for()
try:
    next(gen2)
except ValueError as e:
    print(type(e).__name__, e)


def ping():
    yield "ping"
    yield next(pong_gen)


def pong():
    yield "pong"
    yield next(ping_gen)


ping_gen = ping()
pong_gen = pong()
print(next(ping_gen), next(pong_gen))
try:
    next(ping_gen)
except ValueError as e:
    print("mutual:", type(e).__name__, e)
print(ping_gen.gi_running, pong_gen.gi_running)
