# Generators as tasks under a hand-written round-robin scheduler.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Spawn:
    def __init__(self, gen):
        self.gen = gen


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.tick = 0
        self.next_id = 1
        self.results = {}

    def spawn(self, gen):
        tid = self.next_id
        self.next_id += 1
        self.ready.append((tid, gen, None))
        return tid

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.tick += 1
                wake = [s for s in self.sleeping if s[0] <= self.tick]
                self.sleeping = [s for s in self.sleeping if s[0] > self.tick]
                for _, tid, gen in wake:
                    self.ready.append((tid, gen, "woke"))
                continue
            tid, gen, val = self.ready.pop(0)
            try:
                req = gen.send(val)
            except StopIteration as e:
                print(f"[t{self.tick}] task {tid} finished -> {e.value!r}")
                self.results[tid] = e.value
                continue
            except Exception as e:
                print(f"[t{self.tick}] task {tid} crashed: {type(e).__name__}: {e}")
                continue
            if isinstance(req, Sleep):
                self.sleeping.append((self.tick + req.ticks, tid, gen))
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
            elif isinstance(req, Spawn):
                child = self.spawn(req.gen)
                self.ready.append((tid, gen, child))
            else:
                print(f"[t{self.tick}] task {tid} yielded {req!r}")
                self.ready.append((tid, gen, None))


def worker(name, n, delay):
    total = 0
    for i in range(n):
        yield f"{name} step {i}"
        w = yield Sleep(delay)
        total += i
        assert w == "woke"
    return f"{name} total {total}"


def parent():
    a = yield Spawn(worker("child-a", 2, 1))
    b = yield Spawn(worker("child-b", 1, 3))
    yield f"spawned {a} and {b}"
    yield Sleep(2)
    return "parent done"


def crasher():
    yield "about to crash"
    raise ValueError("crashed on purpose")


s = Scheduler()
s.spawn(parent())
s.spawn(worker("w", 3, 2))
s.spawn(crasher())
s.run()
print(sorted(s.results.items()))
print("final tick", s.tick)
