# atexit: callbacks run when the program ends, last registered first, with
# their arguments; unregister removes every registration; an exception in a
# callback is reported and the others still run.
import atexit

def bye(who, punct="!"):
    print(f"bye {who}{punct}")

def boom():
    raise ValueError("in a callback")

def dropped():
    print("never")

atexit.register(bye, "first")
atexit.register(boom)
atexit.register(dropped)
atexit.register(bye, "third", punct="?")
atexit.register(dropped)
atexit.unregister(dropped)

@atexit.register
def decorated():
    print("decorated runs first")

print(decorated.__name__)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
print("main ends")
