# struct.Struct objects, pack_into/unpack_from with offsets, iter_unpack's
# iterator, the module cache, and struct.error.
import struct


def t(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except (struct.error, OverflowError, TypeError, ValueError, IndexError, MemoryError,
            UnicodeError) as e:
        print(type(e).__name__, e)


print(struct.error.__module__, struct.error.__name__, struct.error.__bases__)
print(issubclass(struct.error, Exception), struct.error.__doc__)
print(type(struct.Struct).__name__, struct.Struct.__module__, struct.Struct.__name__)
print(sorted(n for n in dir(struct) if not n.startswith('__')))
print(struct.__doc__.splitlines()[0])

s = struct.Struct('<hi')
print(s.format, s.size, type(s.format).__name__)
print(s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(struct.Struct(b'>h').format, struct.Struct(format='3s').size)
print(s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2), s.unpack_from(buffer=b'\x01\x00\x02\x00\x00\x00zz'))
print(s.unpack_from(b'\x01\x00\x02\x00\x00\x00', offset=0))
print(s.__sizeof__() > 0, struct.Struct('ii').__sizeof__() - struct.Struct('i').__sizeof__(),
      struct.Struct('2i').__sizeof__() - struct.Struct('i').__sizeof__())
s.__init__('>q')
print(s.format, s.size, s.pack(-2))


class S(struct.Struct):
    def total(self, data):
        return sum(self.unpack(data))


u = S('3B')
print(type(u).__name__, isinstance(u, struct.Struct), u.total(b'\x01\x02\x03'), u.format)

# pack_into / unpack_from: offsets, negative offsets, errors.
buf = bytearray(12)
struct.pack_into('<i', buf, 0, -1)
struct.pack_into('>h', buf, 4, 258)
s.pack_into(buf, -8, 7)
print(buf)
print(struct.unpack_from('<i', buf), struct.unpack_from('>h', buf, 4), struct.unpack_from('>q', buf, -8))
t(struct.pack_into, 'i', bytearray(4), -5, 1)
t(struct.pack_into, 'i', bytearray(4), -3, 1)
t(struct.pack_into, 'i', bytearray(4), 2, 1)
t(struct.pack_into, 'i', bytearray(4), 6, 1)
t(struct.pack_into, 'i', b'1234', 0, 1)
t(struct.pack_into, 'i', 'abcd', 0, 1)
t(struct.pack_into, 'i', memoryview(b'abcd'), 0, 1)
t(struct.pack_into, 'i', bytearray(4), 'a', 1)
t(struct.pack_into, 'i', bytearray(4), 2**70, 1)
t(struct.pack_into, 'i', bytearray(4), 0)
t(struct.pack_into, 'i', bytearray(4))
t(struct.pack_into, 'i')
t(struct.pack_into)
t(s.pack_into)
b2 = bytearray(b'\xff' * 8)
t(struct.pack_into, '<ii', b2, 0, 1, 'x')
print(b2)
t(struct.unpack_from, 'i', b'123456', -8)
t(struct.unpack_from, 'i', b'123456', 4)
t(struct.unpack_from, 'i', b'123456', 8)
t(struct.unpack_from, 'i', b'123456', -2)
t(struct.unpack_from, 'i', b'123456', -6)
t(struct.unpack_from, 'i', b'1234', 'a')
t(struct.unpack_from, 'i', b'1234', 2**70)
t(struct.unpack_from, 'i', b'1234', 1.0)
t(struct.unpack_from, 'i')
t(struct.unpack_from)
t(struct.unpack_from, 'i', b'abcd', offset=0, x=1)
t(s.unpack_from)
t(s.unpack_from, b'abcdefgh', 0, 1)

# unpack: buffer types and sizes.
print(struct.unpack('<i', bytearray(b'\x01\x00\x00\x00')), struct.unpack('<i', memoryview(b'\x02\x00\x00\x00')))
t(struct.unpack, 'i', b'12')
t(struct.unpack, 'i', b'12345')
t(struct.unpack, 'i', 'abcd')
t(struct.unpack, 'i', 5)
t(struct.unpack, 'i')
t(struct.unpack)
t(s.unpack)
t(s.unpack, b'1', b'2')
t(struct.pack, 'ii', 1)
t(struct.pack, 'ii', 1, 2, 3)
t(struct.pack, 'x', 1)
t(struct.pack)
t(struct.pack, 'i', 1, x=3)
t(s.pack, 1, x=3)

# iter_unpack and its iterator.
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, type(it).__module__, it.__length_hint__())
print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(next(it, "done"))
print(list(struct.Struct('>bb').iter_unpack(bytearray(b'\x01\x02\x03\x04'))))
print(iter(it) is it)
t(type(it))
t(struct.iter_unpack, '', b'')
t(struct.iter_unpack, 'i', b'123')
t(struct.iter_unpack, 'i')
t(s.iter_unpack)
t(struct.iter_unpack, 'i', 'abcd')

# Format errors.
t(struct.calcsize, '999999999999999999999q')
t(struct.calcsize, '99999999999999999999')
t(struct.calcsize, '4611686018427387904q')
t(struct.calcsize, '%dx' % 10**12)
t(struct.pack, '%dx' % 10**12)
t(struct.calcsize, '3')
t(struct.calcsize, 'y')
t(struct.calcsize, '<P')
t(struct.calcsize, '>n')
t(struct.calcsize, 'i\0')
t(struct.calcsize, 'ii@')
t(struct.calcsize, 'é')
t(struct.calcsize, [1])
t(struct.calcsize, 1)
t(struct.calcsize)
t(struct.calcsize, 'i', 'i')
t(struct.Struct, 5)
t(struct.Struct, 'é')
t(struct.Struct)
t(struct.Struct, 'i', 'j')
t(struct.Struct, 'z')

# The cache: many formats, then _clearcache.
for n in range(150):
    struct.calcsize('%di' % n)
struct._clearcache()
print(struct.calcsize('7i'), struct.pack('2h', 1, 2))

try:
    struct.pack('b', 300)
except struct.error as e:
    print('caught', type(e).__name__, e.args)

# Keyword handling of the module functions.
t(struct.unpack_from, format='i', buffer=b'abcd')
t(struct.Struct('i').unpack_from, b'abcd', offset=None)
t(struct.iter_unpack, 'i', b'abcd', x=1)
t(struct.unpack, 'i', b'abcd', x=1)
t(struct.calcsize, 'i', x=1)
t(struct.calcsize, format='i')
t(struct.pack_into, 'i', bytearray(4), 0, 1, x=1)
