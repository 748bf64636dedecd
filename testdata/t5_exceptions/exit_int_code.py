# sys.exit with an integer code: finally blocks run, output before exit is kept, status is 3.
import sys
print("start")
results = []
for i in range(3):
    results.append(i * i)
print("computed", results)
def cleanup_demo():
    try:
        print("about to exit")
        sys.exit(3)
    finally:
        print("finally runs during SystemExit")
try:
    cleanup_demo()
except Exception:
    print("SystemExit is not an Exception")
print("not reached")
