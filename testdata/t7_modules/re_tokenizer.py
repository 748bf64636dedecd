# A tokenizer in the style of the `re` docs: named groups, lastgroup,
# finditer, and a MISMATCH catch-all.
import re

TOKENS = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
KEYWORDS = {"IF", "THEN", "ENDIF", "FOR", "NEXT", "GOSUB", "RETURN"}
master = re.compile("|".join("(?P<%s>%s)" % pair for pair in TOKENS))


def tokenize(code):
    line, line_start = 1, 0
    for m in master.finditer(code):
        kind, value = m.lastgroup, m.group()
        column = m.start() - line_start
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value
        elif kind == "NEWLINE":
            line_start = m.end()
            line += 1
            continue
        elif kind == "SKIP":
            continue
        yield kind, value, line, column, m.lastindex


src = """IF quantity THEN
    total := total + price * quantity;
    tax := price * 0.05;
ENDIF; x := 3 $ 4;
"""
for tok in tokenize(src):
    print(tok)
print(master.groups, sorted(master.groupindex.items()))
print(re.findall(r"\b\w+(?=:=)|\b\w+(?= :=)", src))
scanner = re.Scanner([
    (r"[a-z]+", lambda s, t: ("word", t)),
    (r"\d+", lambda s, t: ("num", int(t))),
    (r"\s+", None),
])
print(scanner.scan("abc 12 de 7 !"))
