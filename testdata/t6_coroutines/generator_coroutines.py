# Old-style generator coroutines with yield-from subroutines under a scheduler.
import types


class SysCall:
    def __init__(self, name, arg=None):
        self.name = name
        self.arg = arg


def get_tid():
    tid = yield SysCall("tid")
    return tid


def spawn(gen):
    tid = yield SysCall("spawn", gen)
    return tid


def wait(tid):
    result = yield SysCall("wait", tid)
    return result


class Kernel:
    def __init__(self):
        self.tasks = {}
        self.queue = []
        self.waiting = {}
        self.next_tid = 1

    def new(self, gen):
        tid = self.next_tid
        self.next_tid += 1
        self.tasks[tid] = gen
        self.queue.append((tid, None))
        return tid

    def run(self):
        while self.queue:
            tid, val = self.queue.pop(0)
            gen = self.tasks[tid]
            try:
                req = gen.send(val)
            except StopIteration as e:
                print(f"  task {tid} exit -> {e.value!r}")
                del self.tasks[tid]
                for w in self.waiting.pop(tid, []):
                    self.queue.append((w, e.value))
                continue
            if isinstance(req, SysCall):
                if req.name == "tid":
                    self.queue.append((tid, tid))
                elif req.name == "spawn":
                    self.queue.append((tid, self.new(req.arg)))
                elif req.name == "wait":
                    if req.arg in self.tasks:
                        self.waiting.setdefault(req.arg, []).append(tid)
                    else:
                        self.queue.append((tid, None))
            else:
                print(f"  task {tid}: {req}")
                self.queue.append((tid, None))


def child(n):
    me = yield from get_tid()
    for i in range(n):
        yield f"child {me} step {i}"
    return me * 100


def parent():
    me = yield from get_tid()
    yield f"parent is {me}"
    kids = []
    for n in (2, 1):
        kids.append((yield from spawn(child(n))))
    yield f"spawned {kids}"
    results = []
    for k in kids:
        results.append((yield from wait(k)))
    yield f"children returned {results}"
    return "parent ok"


k = Kernel()
k.new(parent())
k.run()
print(isinstance(parent(), types.GeneratorType), k.tasks)
