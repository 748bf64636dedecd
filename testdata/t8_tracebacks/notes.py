# PEP 678 notes print after the message, one per line.
import traceback

try:
    raise TypeError("first")
except TypeError as e:
    e.add_note("while reading config.ini")
    traceback.print_exc()


def validate(record):
    err = ValueError(f"bad record {record!r}")
    err.add_note("field 'age' must be positive")
    err.add_note("hint: check the input file\n(line 3)")
    raise err


validate({"age": -1})
