# SystemExit(None) and SystemExit(0) give status 0; an exit in a finally overrides the pending exception.
import sys
total = 0
for i in range(5):
    total += i
    print("step", i, total)
def f():
    try:
        raise ValueError("pending")
    finally:
        print("exit from finally replaces ValueError")
        sys.exit(None)
try:
    f()
except ValueError:
    print("not reached")
