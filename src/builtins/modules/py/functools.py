# py2vm's functools, written in Python (after CPython's pure-Python parts).

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        target = getattr(wrapper, attr, None)
        source = getattr(wrapped, attr, {})
        if target is not None and attr == '__dict__':
            for k, v in source.items():
                setattr(wrapper, k, v)
        elif target is not None:
            target.update(source)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        qualname = type(self).__qualname__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        if type(self).__module__ == "functools":
            return f"functools.{qualname}({', '.join(args)})"
        return f"{qualname}({', '.join(args)})"

    def __get__(self, obj, objtype=None):
        return self


def _cmp_lt(self, other):
    return self.cmp(self.obj, other.obj) < 0


def _unhashable(self):
    raise TypeError("unhashable type: 'functools.KeyWrapper'")


def _make_key_wrapper():
    def __init__(self, obj):
        self.obj = obj

    def __call__(self, obj):
        return type(self)(obj)

    ns = {
        '__init__': __init__,
        '__lt__': lambda self, other: self.cmp(self.obj, other.obj) < 0,
        '__gt__': lambda self, other: self.cmp(self.obj, other.obj) > 0,
        '__eq__': lambda self, other: self.cmp(self.obj, other.obj) == 0,
        '__le__': lambda self, other: self.cmp(self.obj, other.obj) <= 0,
        '__ge__': lambda self, other: self.cmp(self.obj, other.obj) >= 0,
        '__hash__': _unhashable,
    }
    return type('KeyWrapper', (object,), ns)


_KeyWrapper = _make_key_wrapper()


def cmp_to_key(mycmp):
    class KeyWrapper(_KeyWrapper):
        cmp = staticmethod(mycmp)
    return KeyWrapper


_convert = {
    '__lt__': [('__gt__', lambda self, other: _not_op_and_not_eq(self.__lt__, self, other)),
               ('__le__', lambda self, other: _op_or_eq(self.__lt__, self, other)),
               ('__ge__', lambda self, other: _not_op(self.__lt__, other))],
    '__le__': [('__ge__', lambda self, other: _not_op_or_eq(self.__le__, self, other)),
               ('__lt__', lambda self, other: _op_and_not_eq(self.__le__, self, other)),
               ('__gt__', lambda self, other: _not_op(self.__le__, other))],
    '__gt__': [('__lt__', lambda self, other: _not_op_and_not_eq(self.__gt__, self, other)),
               ('__ge__', lambda self, other: _op_or_eq(self.__gt__, self, other)),
               ('__le__', lambda self, other: _not_op(self.__gt__, other))],
    '__ge__': [('__le__', lambda self, other: _not_op_or_eq(self.__ge__, self, other)),
               ('__gt__', lambda self, other: _op_and_not_eq(self.__ge__, self, other)),
               ('__lt__', lambda self, other: _not_op(self.__ge__, other))],
}


def _not_op(op, other):
    result = op(other)
    if result is NotImplemented:
        return result
    return not result


def _op_or_eq(op, self, other):
    result = op(other)
    if result is NotImplemented:
        return result
    return result or self == other


def _not_op_and_not_eq(op, self, other):
    result = op(other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _not_op_or_eq(op, self, other):
    result = op(other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _op_and_not_eq(op, self, other):
    result = op(other)
    if result is NotImplemented:
        return result
    return result and self != other


def total_ordering(cls):
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


class _CacheInfo(tuple):
    pass


def _cache_info(hits, misses, maxsize, currsize):
    from collections import namedtuple
    global _CacheInfoType
    try:
        t = _CacheInfoType
    except NameError:
        t = _CacheInfoType = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
    return t(hits, misses, maxsize, currsize)


_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in {int, str}:
        return key[0]
    return key


class _lru_cache_wrapper:
    def __init__(self, user_function, maxsize, typed):
        self.__wrapped__ = user_function
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        update_wrapper(self, user_function)

    def __call__(self, *args, **kwds):
        key = _make_key(args, kwds, self._typed)
        if self._maxsize == 0:
            self._misses += 1
            return self.__wrapped__(*args, **kwds)
        cache = self._cache
        if key in cache:
            self._hits += 1
            result = cache.pop(key)
            cache[key] = result
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        if key in cache:
            return cache[key]
        cache[key] = result
        if self._maxsize is not None and len(cache) > self._maxsize:
            del cache[next(iter(cache))]
        return result

    def cache_info(self):
        return _cache_info(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {'maxsize': self._maxsize, 'typed': self._typed}

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return partial(self, obj)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_cache_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)
