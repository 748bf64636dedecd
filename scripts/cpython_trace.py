#!/usr/bin/env python3.11
"""Print the bytecode instructions CPython 3.11 executes for a program, one
JSON object per instruction ({"function": qualname, "offset": N,
"opname": NAME}), using sys.settrace with frame.f_trace_opcodes = True (as
../shared/bench/count_instructions.py counts them). The program's own
stdout is discarded. tests/trace.rs compares py2vm's trace with
this.

    python3.11 scripts/cpython_trace.py PROGRAM.py > expected.jsonl
    python3.11 scripts/cpython_trace.py --count PROGRAM.py
"""

import dis
import io
import json
import os
import sys


def main():
    args = sys.argv[1:]
    only_count = "--count" in args
    args = [a for a in args if a != "--count"]
    if len(args) != 1:
        sys.exit(__doc__)
    path = os.path.abspath(args[0])
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    records = []
    n = 0

    def local(frame, event, arg):
        nonlocal n
        if event == "opcode" and frame.f_code.co_filename == path:
            n += 1
            if not only_count:
                c = frame.f_code
                records.append((c.co_qualname, frame.f_lasti, dis.opname[c.co_code[frame.f_lasti]]))
        return local

    def on_call(frame, event, arg):
        frame.f_trace_opcodes = True
        return local

    os.chdir(os.path.dirname(path))
    sys.argv = [path]
    out = sys.stdout
    sys.stdout = io.StringIO()
    sys.settrace(on_call)
    try:
        exec(code, {"__name__": "__main__", "__file__": path})
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout = out
    if only_count:
        print(n)
    else:
        for qualname, offset, opname in records:
            out.write(json.dumps({"function": qualname, "offset": offset, "opname": opname}) + "\n")
    # The program's objects are finalized at interpreter shutdown, after
    # tracing stopped and with the real stdout back: their `__del__` output
    # would land in the trace. Nothing else is left to do.
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
