# Exception chains: explicit cause, implicit context, and `from None`.
import traceback


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return table["default"]


def quiet(table):
    try:
        return table["x"]
    except KeyError:
        raise LookupError("no x") from None


for f in (lambda: parse("4x"), lambda: lookup({}, "k"), lambda: quiet({})):
    try:
        f()
    except Exception:
        traceback.print_exc()
        print("---")

try:
    lookup({}, "key")
except KeyError as e:
    raise ValueError("lookup failed") from e
