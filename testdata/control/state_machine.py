# A small tokenizer + evaluator driven by while loops and match on tuples.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif ch in "+-*/()":
            tokens.append(("op", ch))
            i += 1
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        else:
            raise ValueError(f"bad char {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


def evaluate(tokens, env):
    pos = 0

    def peek():
        return tokens[pos]

    def advance():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        return tok

    def atom():
        match advance():
            case ("num", n):
                return n
            case ("name", nm):
                return env.get(nm, 0)
            case ("op", "("):
                v = expr()
                assert advance() == ("op", ")")
                return v
            case ("op", "-"):
                return -atom()
            case tok:
                raise SyntaxError(f"unexpected {tok}")

    def term():
        v = atom()
        while peek() in (("op", "*"), ("op", "/")):
            _, op = advance()
            rhs = atom()
            v = v * rhs if op == "*" else v // rhs
        return v

    def expr():
        v = term()
        while True:
            match peek():
                case ("op", "+"):
                    advance(); v += term()
                case ("op", "-"):
                    advance(); v -= term()
                case _:
                    return v

    result = expr()
    if peek()[0] != "end":
        raise SyntaxError("trailing tokens")
    return result


env = {"x": 7, "y": 3}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - 4 / 2", "-(x - 10) * 2", "100 / 7 / 2", "abc + 1",
            "2 * (3 + (4 - 1)) * 5", "1 +", "3 $ 4", "1 2"]:
    try:
        print(f"{src!r:28} => {evaluate(tokenize(src), env)}")
    except (SyntaxError, ValueError) as e:
        print(f"{src!r:28} => error {type(e).__name__}: {e}")
print(tokenize("a1 + 22"))
