# Parsing log lines: match objects, groupdict, span, split, sub with a
# callable, flags, and the pattern cache.
import re

LOG = """\
2024-01-05 10:02:11 INFO  [web] GET /index.html 200 0.012s
2024-01-05 10:02:12 WARN  [db]  slow query took 1.503s
2024-01-05 10:02:13 ERROR [web] POST /login 500 0.230s
garbage line here
2024-01-05 10:02:14 INFO  [web] GET /about 404 0.004s
"""
line_re = re.compile(
    r"""^(?P<date>\d{4}-\d\d-\d\d)\s
        (?P<time>[\d:]{8})\s
        (?P<level>[A-Z]+)\s+
        \[(?P<comp>\w+)\]\s+
        (?P<msg>.*)$""",
    re.VERBOSE | re.MULTILINE,
)
print(line_re.flags & re.VERBOSE != 0, line_re.groups)
for m in line_re.finditer(LOG):
    d = m.groupdict()
    print(d["level"], d["comp"], repr(d["msg"]), m.span("msg"), m.start(), m.end("time"))
print(len(line_re.findall(LOG)))
req = re.compile(r"(GET|POST) (\S+) (\d{3}) ([\d.]+)s")
for m in req.finditer(LOG):
    print(m.groups(), m.group(1, 3), m[2], m.expand(r"\2 -> \3"), m.regs[0])
print(re.split(r"\s*\|\s*", "a | b|c  |  d"))
print(re.split(r"(\d)", "a1b2c3", maxsplit=2))
print(re.split(r"x*", "axbc"))
print(re.sub(r"\d+\.\d+s", lambda m: "%dms" % round(float(m[0][:-1]) * 1000), LOG.splitlines()[1]))
print(re.subn(r"(?i)get", "FETCH", LOG)[1])
print(re.sub(r"(?m)^(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", LOG).splitlines()[0])
m = re.match(r"(a)|(b)", "b")
print(m.groups(), m.groups("-"), m.lastindex, m.group(1), m.start(1), m.span(1))
print(re.search(r"^level", "x\nlevel", re.M).start(), re.search(r"^level", "x\nlevel"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
m = re.compile("b+").search("aabbbcc", 1, 6)
print(m, m.pos, m.endpos, m.string, m.re.pattern)
try:
    m.group(3)
except IndexError as e:
    print("IndexError", e)
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error", e, e.pos, e.msg)
try:
    re.compile(r"a{2,1}")
except re.error as e:
    print("re.error", e)
print(re.purge(), re.compile("x") is re.compile("x"))
