# finally overriding return, return in finally swallowing exceptions, finally seeing return value, generator finally.
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def finally_sees_value():
    x = "first"
    try:
        return x
    finally:
        x = "changed"
        print("finally x =", x)
print(finally_sees_value())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def return_in_except_with_finally():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally before except-return")
print(return_in_except_with_finally())
def loop_return():
    for i in range(3):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)
print(loop_return())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen():
    print("got", v)
    break
