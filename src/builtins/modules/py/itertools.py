# py2vm's itertools, written in Python (compiled by python3.11 at import).


class count:
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and not isinstance(self._step, float):
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = 0
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first:
            try:
                v = next(self._it)
                self._saved.append(v)
                return v
            except StopIteration:
                self._first = False
        if not self._saved:
            raise StopIteration
        v = self._saved[self._i % len(self._saved)]
        self._i += 1
        return v


class repeat:
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None and times < 0:
            times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._times})"


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        v = next(self._it)
        if not self._started:
            self._started = True
            self._total = v
        elif self._func is None:
            self._total = self._total + v
        else:
            self._total = self._func(self._total, v)
        return self._total


class chain:
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._it = None

    @classmethod
    def from_iterable(cls, iterable):
        c = cls()
        c._sources = iter(iterable)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._it is None:
                self._it = iter(next(self._sources))
            try:
                return next(self._it)
            except StopIteration:
                self._it = None


class compress:
    def __init__(self, data=None, selectors=None, *rest):
        if selectors is None:
            raise TypeError("compress() missing required argument 'selectors' (pos 2)")
        self._data = iter(data)
        self._sel = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            d = next(self._data)
            s = next(self._sel)
            if s:
                return d


class dropwhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._dropping:
            for x in self._it:
                if not self._pred(x):
                    self._dropping = False
                    return x
            raise StopIteration
        return next(self._it)


class takewhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable):
        self._pred = bool if function is None else function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        for x in self._it:
            if not self._pred(x):
                return x
        raise StopIteration


class _grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._grouper is not self:
            raise StopIteration
        if p._exhausted:
            raise StopIteration
        if p._has_pending:
            if p._pending_key != self._key:
                raise StopIteration
            p._has_pending = False
            return p._pending_value
        try:
            v = next(p._it)
        except StopIteration:
            p._exhausted = True
            raise
        k = v if p._keyfunc is None else p._keyfunc(v)
        if k != self._key:
            p._has_pending = True
            p._pending_key = k
            p._pending_value = v
            raise StopIteration
        return v


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._grouper = None
        self._exhausted = False
        self._has_pending = False
        self._pending_key = None
        self._pending_value = None
        self._current_key = None

    def __iter__(self):
        return self

    def __next__(self):
        # Skip the rest of the current group.
        if self._grouper is not None and not self._has_pending:
            g = self._grouper
            for _ in g:
                pass
        while True:
            if self._exhausted:
                raise StopIteration
            if not self._has_pending:
                try:
                    v = next(self._it)
                except StopIteration:
                    self._exhausted = True
                    raise
                self._pending_key = v if self._keyfunc is None else self._keyfunc(v)
                self._pending_value = v
                self._has_pending = True
            if self._grouper is not None and self._pending_key == self._current_key:
                self._has_pending = False
                continue
            break
        self._current_key = self._pending_key
        self._grouper = _grouper(self, self._current_key)
        return self._current_key, self._grouper


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if len(args) > 3:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop, step = (list(args) + [None])[:3]
        if start is None:
            start = 0
        if step is None:
            step = 1
        if stop is not None and (not isinstance(stop, int) or stop < 0):
            raise ValueError(
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            )
        if not isinstance(start, int) or start < 0:
            raise ValueError(
                "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            )
        if not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._stop is not None and self._next >= self._stop:
            # Consume up to stop, as CPython does.
            while self._i < self._stop:
                try:
                    next(self._it)
                except StopIteration:
                    break
                self._i += 1
            self._it = None
            raise StopIteration
        while self._i < self._next:
            try:
                next(self._it)
            except StopIteration:
                self._it = None
                raise
            self._i += 1
        try:
            v = next(self._it)
        except StopIteration:
            self._it = None
            raise
        self._i += 1
        self._next += self._step
        if self._stop is not None and self._next > self._stop:
            self._next = self._stop
        return v


class starmap:
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._f(*tuple(args))  # starmap_next: PySequence_Tuple(args)


class _tee_data:
    def __init__(self, it):
        self.it = it
        self.values = []


class _tee:
    def __init__(self, data, index=0):
        self._data = data
        self._i = index

    def __iter__(self):
        return self

    def __next__(self):
        d = self._data
        if self._i < len(d.values):
            v = d.values[self._i]
        else:
            v = next(d.it)
            d.values.append(v)
        self._i += 1
        return v

    def __copy__(self):
        return _tee(self._data, self._i)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee(_tee_data(it))
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


class zip_longest:
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(i) for i in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


class pairwise:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._started = False
        self._last = None

    def __iter__(self):
        return self

    def __next__(self):
        if not self._started:
            self._last = next(self._it)
            self._started = True
        v = next(self._it)
        pair = (self._last, v)
        self._last = v
        return pair


class product:
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(p) for p in iterables] * repeat
        result = [[]]
        for pool in pools:
            result = [x + [y] for x in result for y in pool]
        self._it = iter([tuple(r) for r in result])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _perms(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations:
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else r
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = _perms(pool, r)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _combs(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


class combinations:
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = _combs(pool, r)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _combs_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement:
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = _combs_wr(pool, r)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)
