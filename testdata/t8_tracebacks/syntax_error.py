# SyntaxErrors show the offending text with carets, not a frame.
import traceback

for source in ["x = (1,\n", "print 'hi'\n", "a b c\n"]:
    try:
        exec(source)
    except SyntaxError:
        traceback.print_exc()

compile("total = 1 +* 2", "calc.py", "exec")
