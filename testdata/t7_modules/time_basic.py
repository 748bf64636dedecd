# time.time / perf_counter / monotonic: only types and monotonicity are printed.
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(10000):
    total += i
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__)
print(t1 - t0 >= 0, p1 - p0 >= 0, m1 - m0 >= 0)
print(t0 > 1_000_000_000, total)
ns = time.time_ns()
print(type(ns).__name__, ns > 10 ** 18)
pn0 = time.perf_counter_ns()
pn1 = time.perf_counter_ns()
print(type(pn0).__name__, pn1 >= pn0)
time.sleep(0)
time.sleep(0.001)
print(time.perf_counter() - p1 >= 0.0009)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__, e)
