# sys.exit with a string: message goes to stderr, status is 1; SystemExit can be caught and inspected first.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e), e.args, isinstance(e, Exception), isinstance(e, BaseException))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code:", e.code)
try:
    raise SystemExit("a", "b")
except SystemExit as e:
    print("multi-arg code:", e.code)
print("now exiting with a message")
sys.exit("fatal: string exit code")
