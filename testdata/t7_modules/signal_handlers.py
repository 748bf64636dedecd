import signal, os
got = []
def handler(signum, frame):
    got.append((signum, frame.f_code.co_name))
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
def work():
    signal.raise_signal(signal.SIGUSR1)
    return "after"
print(work(), got)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(3):
    pass
print(len(got), got[-1][0] == signal.SIGUSR1)
def boom(signum, frame):
    raise RuntimeError("from handler %d" % signum)
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("caught", e)
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is boom, signal.getsignal(signal.SIGUSR2))
signal.raise_signal(signal.SIGUSR2)
print("ignored")
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR2), signal.SIGINT, signal.Signals.SIGTERM, signal.strsignal(signal.SIGTERM))
print(sorted(signal.valid_signals())[:5], signal.NSIG)
for bad in [(0, handler), (signal.SIGUSR1, 5), (signal.SIGKILL, handler)]:
    try:
        signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
