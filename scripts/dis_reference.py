"""Reference disassembly from CPython 3.11, for py2vm's dis conformance tests.

Reads source paths (one per line) on stdin and, for the N-th, writes into
OUT_DIR either N.dis (what `python3.11 -m dis PATH` prints) or N.skip (why
CPython itself cannot compile it). Code-object addresses are left as they are;
the tests normalise them on both sides.

    python3.11 scripts/dis_reference.py OUT_DIR < paths.txt
    python3.11 scripts/dis_reference.py --via-pyc OUT_DIR < paths.txt

One process does every file (fast); `python3.11 -m dis` compiles with
compile(source, path, "exec") exactly like this. With --via-pyc it also writes
N.pyc, the .pyc CPython's import system would write, and N.dis is the
disassembly of the code object CPython loads back from it (set constants then
follow the order marshal.loads gives them).
"""
import dis
import io
import os
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "the reference must be CPython 3.11"
warnings.simplefilter("ignore")  # SyntaxWarnings in test files are not ours
via_pyc = sys.argv[1] == "--via-pyc"
out_dir = sys.argv[-1]
for n, line in enumerate(sys.stdin):
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            code = compile(f.read(), path, "exec")
    except Exception as e:  # SyntaxError, ValueError (null bytes), ...
        with open(os.path.join(out_dir, f"{n}.skip"), "w") as f:
            f.write(f"{type(e).__name__}: {e}\n")
        continue
    if via_pyc:
        import importlib._bootstrap_external as bootstrap
        import marshal
        data = bootstrap._code_to_timestamp_pyc(code, 0, 0)
        with open(os.path.join(out_dir, f"{n}.pyc"), "wb") as f:
            f.write(data)
        code = marshal.loads(data[16:])
    buf = io.StringIO()
    dis.dis(code, file=buf)
    with open(os.path.join(out_dir, f"{n}.dis"), "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(buf.getvalue())
