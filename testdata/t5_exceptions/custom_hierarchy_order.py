# Custom exception hierarchy: handler order matters, first matching except clause wins, tuple handlers.
class AppError(Exception): pass
class NetError(AppError): pass
class Timeout(NetError): pass
class DiskError(AppError, OSError): pass
def classify(exc):
    try:
        raise exc
    except Timeout:
        return "timeout"
    except NetError as e:
        return "net:" + type(e).__name__
    except OSError as e:
        return "os:" + type(e).__name__
    except AppError:
        return "app"
    except Exception:
        return "generic"
for exc in (Timeout(), NetError(), DiskError(), AppError(), FileNotFoundError(), KeyError()):
    print(type(exc).__name__, classify(exc))
def broad_first(exc):
    try:
        raise exc
    except AppError:
        return "broad AppError caught first"
    except Timeout:
        return "never reached"
print(broad_first(Timeout()))
print([c.__name__ for c in DiskError.__mro__])
handlers = (KeyError, Timeout)
for exc in (KeyError("x"), Timeout(), NetError()):
    try:
        try:
            raise exc
        except handlers as e:
            print("tuple handler", type(e).__name__)
    except Exception as e:
        print("escaped", type(e).__name__)
def dynamic(exc, cls):
    try:
        raise exc
    except cls:
        return "matched " + cls.__name__
    except BaseException:
        return "no match for " + cls.__name__
print(dynamic(Timeout(), NetError), dynamic(NetError(), Timeout), dynamic(DiskError(), OSError))
try:
    try:
        raise KeyError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
print(issubclass(Timeout, AppError), isinstance(DiskError(), OSError), LookupError.__subclasses__()[:2])
print(issubclass(FileNotFoundError, OSError), issubclass(ZeroDivisionError, ArithmeticError), IOError is OSError)
class WithMsg(AppError):
    def __init__(self, n):
        super().__init__(f"item {n} failed")
        self.n = n
errors = []
for i in range(4):
    try:
        if i % 2:
            raise WithMsg(i)
        raise Timeout(f"t{i}")
    except AppError as e:
        errors.append((type(e).__name__, str(e)))
print(errors)
