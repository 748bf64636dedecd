# Benchmark: CPython's re on py2vm's _sre. A tokenizer (named groups,
# finditer, lastgroup), validation with fullmatch, findall over a large
# text, sub with a callable and with a template, split, and a
# backtracking-heavy search. Prints one checksum line.
import re

SCALE = 1.0

TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d+)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()=<>!]=?|[{}\[\],;:.])
  | (?P<STRING>"(?:[^"\\]|\\.)*")
  | (?P<WS>\s+)
""", re.VERBOSE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def source(n):
    parts = []
    for i in range(n):
        parts.append('let x%d = (y%d + %d.5) * "s\\"%d"; if (x%d >= 10) { call(x%d, [1, 2]); }\n'
                     % (i, i % 7, i, i, i, i))
    return "".join(parts)


def tokenize(text):
    counts = {}
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def validate(n):
    good = 0
    for i in range(n):
        addr = "user%d.name+tag@host%d.example.org" % (i, i % 13) if i % 3 else "bad@@%d" % i
        if EMAIL.fullmatch(addr):
            good += 1
    return good


def log_text(n):
    lines = []
    for i in range(n):
        lines.append("2024-%02d-%02d INFO user%d@mail%d.com did thing %d"
                     % (1 + i % 12, 1 + i % 28, i, i % 5, i * 7))
    return "\n".join(lines)


def main():
    n = int(2000 * SCALE)
    counts = tokenize(source(n))
    good = validate(n * 5)
    text = log_text(n * 2)
    emails = EMAIL.findall(text)
    dates = DATE.findall(text)
    swapped = DATE.sub(r"\3/\2/\1", text)
    doubled = re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text)
    words = re.split(r"[\s@.]+", text)
    slow = 0
    for i in range(n // 10):
        if re.search(r"(?:a|b)*?c", "ab" * (5 + i % 20) + "c"):
            slow += 1
        if re.match(r"(?i)(\w+)\s+\1", "Hello hello world %d" % i):
            slow += 1
    print(sorted(counts.items()), good, len(emails), len(dates), len(swapped),
          len(doubled), len(words), slow)


main()
