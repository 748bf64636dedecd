# sys.stdout and sys.stderr as files: print(file=...), write(), and
# traceback.print_exc(file=...).
import sys
import traceback

print("progress: 1/2", file=sys.stderr)
count = sys.stderr.write("warning: low disk\n")
sys.stdout.write(f"wrote {count} characters\n")
try:
    [1, 2, 3][3]
except IndexError:
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(file=sys.stderr)
print("done", sys.stdout.name, sys.stderr.name)
