# raise SystemExit(42) from nested calls inside with-blocks: __exit__ sees it, status 42.
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, et, ev, tb):
        print("exit saw", et.__name__, ev.code)
        return False
def inner():
    with CM():
        raise SystemExit(42)
def outer():
    try:
        inner()
    except BaseException as e:
        print("re-raising", type(e).__name__)
        raise
print("begin")
outer()
print("unreachable")
