# Custom exception hierarchies, raise from, __cause__/__context__, suppress context, exception state.
class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


class DbError(AppError):
    pass


class NotFound(DbError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}", code=404)
        self.key = key


def lookup(db, key):
    try:
        return db[key]
    except KeyError as e:
        raise NotFound(key) from e


db = {"a": 1}
for k in ("a", "b"):
    try:
        print("value", lookup(db, k))
    except AppError as e:
        print(type(e).__name__, e, e.code, e.key, repr(e.__cause__), e.__suppress_context__)
        print("is DbError", isinstance(e, DbError), type(e).__mro__[:3])


def implicit_context():
    try:
        {}["x"]
    except KeyError:
        raise ValueError("while handling")


try:
    implicit_context()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("replaced") from None
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise DbError("conn lost", code=500)
except NotFound:
    print("wrong handler")
except DbError as e:
    print("DbError handler", e)
try:
    raise TypeError
except TypeError as e:
    print("class raised", repr(e), e.args)


class WithNotes(Exception):
    pass


try:
    err = WithNotes("base")
    err.add_note("first note")
    err.add_note("second note")
    raise err
except WithNotes as e:
    print(e, e.__notes__)


def gen_cleanup():
    try:
        raise AppError("in body", 1)
    except AppError as e:
        print("caught", e)
        return "returned from except"
    finally:
        print("cleanup done")


print(gen_cleanup())


class Unprintable(Exception):
    def __str__(self):
        return "custom str " + ",".join(map(str, self.args))


print(str(Unprintable(1, 2)), repr(Unprintable(1, 2)), Unprintable().args)
errors = []
for exc_type in (ValueError, TypeError, AppError, NotFound, KeyError):
    try:
        raise exc_type("k")
    except (ValueError, AppError) as e:
        errors.append(("handled", type(e).__name__))
    except Exception as e:
        errors.append(("generic", type(e).__name__))
print(errors)
try:
    raise BaseException("base")
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", e)
