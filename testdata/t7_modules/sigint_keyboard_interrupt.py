# SIGINT raises KeyboardInterrupt between instructions (CPython installs
# signal.default_int_handler at start-up), so except/finally run; a signal
# handler that raises stops a regex stuck in catastrophic backtracking.
import os
import re
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

try:
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
        print("not reached")
    finally:
        print("finally ran")
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout(signum == signal.SIGALRM)


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
try:
    re.match(r"(a*)*b", "a" * 40)
    print("matched?")
except Timeout as e:
    print("regex interrupted:", e)
finally:
    signal.alarm(0)

calls = []
signal.signal(signal.SIGUSR1, lambda n, f: calls.append(n))
os.kill(os.getpid(), signal.SIGUSR1)
print(re.fullmatch(r"(x+x+)+y", "x" * 12 + "y") is not None, calls == [signal.SIGUSR1])

signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("raise_signal: KeyboardInterrupt")
