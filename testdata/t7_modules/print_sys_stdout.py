import io, sys, contextlib
buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
print("captured")
sys.stdout = old
print("got", repr(buf.getvalue()))
with contextlib.redirect_stdout(io.StringIO()) as f:
    print("x")
print(repr(f.getvalue()))
import re
with contextlib.redirect_stdout(io.StringIO()) as out:
    re.compile("a+b", re.DEBUG)
print(out.getvalue().splitlines()[0])
sys.stdout = None
print("nowhere")
sys.stdout = old
print("back", sep="", end="!\n")
