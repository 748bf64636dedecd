import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# struct_time from gmtime of fixed timestamps
for secs in (0, 1, -1, 86399, 951782400, 1709596800, 2**31, -2**31, 1.9, -1.5, True, 253402300799):
    print(secs, time.gmtime(secs))
g = time.gmtime(1709641234)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g.tm_zone, g.tm_gmtoff)
print(len(g), g[0], g[-1], g[2:5], tuple(g), list(g)[:3])
print(type(g).__name__, type(g).__module__, isinstance(g, tuple))
print(time.struct_time.n_sequence_fields, time.struct_time.n_fields, time.struct_time.n_unnamed_fields)
print(time._STRUCT_TM_ITEMS)
print(g == tuple(g), hash(g) == hash(tuple(g)))
s = time.struct_time((2024, 3, 5, 1, 2, 3, 1, 65, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s11 = time.struct_time((2024, 3, 5, 1, 2, 3, 1, 65, 0, "XYZ", 3600))
print(s11, s11.tm_zone, s11.tm_gmtoff)
show(lambda: time.struct_time((1, 2, 3)))
show(lambda: time.struct_time(range(12)))
show(lambda: setattr(g, "tm_year", 1))

# strftime of fixed tuples
t = (2024, 3, 5, 14, 7, 9, 1, 65, 0)
for fmt in ("%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%c", "%x %X", "%j %U %W %w %u",
            "%y %C %G %g %V", "%I %p %l", "%e|%k", "%D %F %R %T", "%n%t%%",
            "%4Y", "%10d", "%-d", "%_m", "%0e", "%^a %#b", "%Ey %Od", "", "%",
            "no directives", "é€%Y", "%s" if False else "%h"):
    print(repr(fmt), repr(time.strftime(fmt, t)))
print(time.strftime("%Y %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Z %z", s11))
print(time.strftime("%Y", (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%a", (2024, 3, 5, 0, 0, 0, -1, 1, 0)))

# errors
show(lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 32, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 1, 24, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 1, 0, 60, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 62, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 0, -3, 1, 0)))
show(lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 0, 0, 367, 0)))
show(lambda: time.strftime("%Y", (2**40, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (-2**40, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (2**70, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (-2**31 + 1899, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (1.5, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", ("x", 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.strftime("%Y", (1, 1, 1, 0, 0, 0, 0, 1)))
show(lambda: time.strftime("%Y", [1, 1, 1, 0, 0, 0, 0, 1, 0]))
show(lambda: time.strftime("%Y", 5))
show(lambda: time.strftime(5))
show(lambda: time.strftime())
show(lambda: time.strftime("%Y", t, 3))
show(lambda: time.strftime("a\x00b", t))
show(lambda: time.strftime("%Z", time.struct_time((2024, 3, 5, 0, 0, 0, 0, 1, 0, 5, None))))
show(lambda: time.strftime("%Z", time.struct_time((2024, 3, 5, 0, 0, 0, 0, 1, 0, None, "x"))))
show(lambda: time.strftime("%Z", time.struct_time((2024, 3, 5, 0, 0, 0, 0, 1, 0, None, 2**70))))
show(lambda: time.gmtime(float("nan")))
show(lambda: time.gmtime(float("inf")))
show(lambda: time.gmtime(1e20))
show(lambda: time.gmtime(2**63))
show(lambda: time.gmtime(-2**70))
show(lambda: time.gmtime(1e17))
show(lambda: time.gmtime("1"))
show(lambda: time.gmtime(1, 2))
show(lambda: time.localtime(1e17))
show(lambda: time.ctime(float("nan")))
show(lambda: time.mktime((2**31, 1, 1, 0, 0, 0, 0, 1, -1)))
show(lambda: time.mktime((-2**31, 1, 1, 0, 0, 0, 0, 1, -1)))
show(lambda: time.mktime(5))
show(lambda: time.mktime([1] * 9))
show(lambda: time.mktime((1,) * 8))
show(lambda: time.mktime())
show(lambda: time.asctime((2024, 3, 5, 0, 0, 0, 0, 1)))
show(lambda: time.asctime(t, t))
show(lambda: time.sleep(-1))
show(lambda: time.sleep("a"))
show(lambda: time.sleep(float("nan")))
show(lambda: time.sleep(1e10))
show(lambda: time.sleep(2**62))
show(lambda: time.sleep(0))
show(lambda: time.clock_gettime(999))
show(lambda: time.clock_gettime("x"))
show(lambda: time.get_clock_info("x"))
show(lambda: time.get_clock_info(1))

# asctime/ctime of fixed values
print(time.asctime(time.gmtime(0)))
print(time.asctime(time.gmtime(1709641234)))
print(time.asctime(t))
print(time.asctime((2024, 3, 5, 0, 0, 0, 9, 1, 0)))
print(time.asctime((2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(time.gmtime(253402300799)))

# local time round trips (whatever the zone)
for x in (0, 1000000000, 1709641234, 1720000000):
    print(x, time.mktime(time.localtime(x)) == x, time.ctime(x) == time.asctime(time.localtime(x)))
lt = time.localtime(1709641234)
print(lt.tm_gmtoff == -(time.altzone if lt.tm_isdst > 0 else time.timezone))
print(lt.tm_zone == time.tzname[lt.tm_isdst > 0])
print(type(time.timezone).__name__, type(time.altzone).__name__, type(time.daylight).__name__, type(time.tzname).__name__, len(time.tzname))
print(type(time.mktime(lt)).__name__)
print(time.tzset())

# clocks
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution)
for name in sorted(n for n in dir(time) if n.startswith("CLOCK_")):
    print(name, getattr(time, name))
print(time.clock_getres(time.CLOCK_REALTIME), time.clock_getres(time.CLOCK_MONOTONIC))
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__)
for f in (time.time, time.monotonic, time.perf_counter, time.process_time, time.thread_time):
    print(f.__name__, type(f()).__name__, f() >= 0)
for f in (time.time_ns, time.monotonic_ns, time.perf_counter_ns, time.process_time_ns, time.thread_time_ns):
    print(f.__name__, type(f()).__name__, f() >= 0)
a = time.monotonic_ns()
b = time.monotonic_ns()
print(b >= a)
print(abs(time.time() - time.mktime(time.localtime())) < 5)
print(time.gmtime().tm_year >= 2024, time.localtime().tm_year >= 2024)
print(len(time.asctime()), len(time.ctime()), len(time.strftime("%Y")))
