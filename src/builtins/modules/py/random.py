"""random, after CPython 3.11's Lib/random.py: the same methods on the same
Mersenne Twister (native `_random`), so a seeded program sees the same
sequence as under python3.11. String and bytes seeds (which need sha512)
are not supported."""

import _random

__all__ = ["Random", "seed", "random", "uniform", "randint", "choice",
           "sample", "randrange", "shuffle", "getstate", "setstate",
           "getrandbits", "choices"]


def _index(n):
    return n.__index__()


class Random:
    VERSION = 3

    def __init__(self, x=None):
        self._handle = _random.new()
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if isinstance(a, (str, bytes)):
            raise NotImplementedError("py2vm: str and bytes seeds are not supported")
        if not isinstance(a, (type(None), int, float)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        if isinstance(a, float):
            a = hash(a)
        _random.seed(self._handle, a)
        self.gauss_next = None

    def random(self):
        return _random.random(self._handle)

    def getrandbits(self, k):
        return _random.getrandbits(self._handle, k)

    def getstate(self):
        return self.VERSION, _random.getstate(self._handle), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            _random.setstate(self._handle, internalstate)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    def _randbelow(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        try:
            istart = _index(start)
        except (TypeError, AttributeError):
            istart = int(start)
            if istart != start:
                raise ValueError("non-integer arg 1 for randrange()")
        if stop is None:
            if step != 1:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        try:
            istop = _index(stop)
        except (TypeError, AttributeError):
            istop = int(stop)
            if istop != stop:
                raise ValueError("non-integer stop for randrange()")
        width = istop - istart
        try:
            istep = _index(step)
        except (TypeError, AttributeError):
            istep = int(step)
            if istep != step:
                raise ValueError("non-integer step for randrange()")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if counts is not None:
            expanded = []
            for item, c in zip(population, counts):
                expanded.extend([item] * c)
            population = expanded
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        randbelow = self._randbelow
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil_log(k * 3, 4)
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected_add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[int(random() * n)] for i in range(k)]
            cum_weights = []
            total = 0
            for w in weights:
                total += w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        hi = n - 1
        result = []
        for i in range(k):
            x = random() * total
            lo, h = 0, hi
            while lo < h:
                mid = (lo + h) // 2
                if x < cum_weights[mid]:
                    h = mid
                else:
                    lo = mid + 1
            result.append(population[lo])
        return result

    def uniform(self, a, b):
        return a + (b - a) * self.random()


def _ceil_log(x, base):
    # ceil(log(x, base)) for the small ints sample() asks about.
    r = 0
    p = 1
    while p < x:
        p *= base
        r += 1
    return r


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
