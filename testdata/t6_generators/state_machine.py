# Generator-based state machines and tokenizers.
def tokenizer(text):
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and (text[j].isdigit() or text[j] == "."):
                j += 1
            yield ("NUM", text[i:j])
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            yield ("NAME", text[i:j])
            i = j
        elif text.startswith("**", i):
            yield ("OP", "**")
            i += 2
        elif ch in "+-*/()=":
            yield ("OP", ch)
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
    yield ("END", "")


for src in ["x = 3.5 * (y_1 + 42)", "a**2", "1 $ 2"]:
    try:
        print(list(tokenizer(src)))
    except SyntaxError as e:
        print(type(e).__name__, e)


def parser(tokens):
    tokens = iter(tokens)
    tok = next(tokens)

    def advance():
        nonlocal tok
        tok = next(tokens)

    def expr():
        v = term()
        while tok[1] in ("+", "-"):
            op = tok[1]
            advance()
            r = term()
            v = v + r if op == "+" else v - r
        return v

    def term():
        v = factor()
        while tok[1] in ("*", "/"):
            op = tok[1]
            advance()
            r = factor()
            v = v * r if op == "*" else v / r
        return v

    def factor():
        if tok[0] == "NUM":
            v = float(tok[1])
            advance()
            return v
        if tok[1] == "(":
            advance()
            v = expr()
            advance()
            return v
        if tok[1] == "-":
            advance()
            return -factor()
        raise SyntaxError(f"unexpected {tok}")

    return expr()


for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - -1", "2 * (3 + (4 - 1)) / 3"]:
    print(src, "=", parser(tokenizer(src)))


def traffic_light():
    state = "red"
    while True:
        event = yield state
        if event == "timer":
            state = {"red": "green", "green": "yellow", "yellow": "red"}[state]
        elif event == "emergency":
            state = "red"
        elif event == "stop":
            return f"stopped in {state}"


t = traffic_light()
print(next(t))
for ev in ["timer", "timer", "noop", "emergency", "timer", "timer"]:
    print(ev, "->", t.send(ev))
try:
    t.send("stop")
except StopIteration as e:
    print(e.value)
