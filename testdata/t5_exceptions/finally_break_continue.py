# break and continue inside finally (discarding in-flight exceptions), exc_info in finally, while-loop finally.
def break_in_finally():
    for i in range(5):
        try:
            raise RuntimeError(i)
        finally:
            print("breaking at", i)
            break
    return "after loop"
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out
print(continue_in_finally())
import sys
def exc_info_after():
    try:
        raise TypeError("t")
    except TypeError:
        pass
    finally:
        print("exc_info in finally:", sys.exc_info()[0])
exc_info_after()
def count_finally(n):
    calls = 0
    while True:
        try:
            calls += 1
            if calls >= n:
                break
        finally:
            print("iteration", calls)
    return calls
print(count_finally(3))
def break_discards_exception():
    while True:
        try:
            {}["gone"]
        finally:
            break
    return "KeyError discarded by break"
print(break_discards_exception())
