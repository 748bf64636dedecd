# random with a fixed integer seed reproduces CPython's exact sequence.
import random

random.seed(12345)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(8)])
print([random.randrange(5, 50, 5) for _ in range(6)])
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
lst = list(range(10))
random.shuffle(lst)
print(lst)
print([round(random.uniform(-1, 1), 12) for _ in range(3)])
print(random.uniform(5, 5))

random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)

random.seed(42)
print(random.randint(0, 10 ** 30))
print(random.getrandbits(64), random.getrandbits(1), random.getrandbits(100))
print(random.randrange(-10, 10), random.randrange(2 ** 70))

r = random.Random(7)
print(r.random(), r.randint(1, 100), r.choice("xyz"))
r2 = random.Random(7)
print(r2.random() == random.Random(7).random())
state = r.getstate()
x = r.random()
r.setstate(state)
print(r.random() == x)

for bad in [lambda: random.choice([]), lambda: random.randrange(0),
            lambda: random.randint(5, 1), lambda: random.randrange(1, 10, 0)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
random.seed(3)
deck = [f"{r}{s}" for s in "SH" for r in "A23"]
random.shuffle(deck)
print(deck)
