# An uncaught exception with an explicit cause: stdout before it is kept, exit status 1.
class ConfigError(Exception):
    pass
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e
def load(items):
    out = []
    try:
        for t in items:
            print("parsing", t)
            out.append(parse(t))
            print("result", out[-1])
    finally:
        print("load finally, parsed so far:", out)
    return out
print(load(["1", "22"]))
load(["5", "x3", "7"])
print("never printed")
