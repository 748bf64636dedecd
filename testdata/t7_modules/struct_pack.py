# struct.pack / unpack over every format character, byte order and the
# range checks of each (messages as CPython 3.11's _struct.c on x86-64).
import struct


def t(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except (struct.error, OverflowError, TypeError, ValueError, MemoryError,
            SystemError) as e:
        print(type(e).__name__, e)


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Flt:
    def __float__(self):
        return 2.5


# Every integer format at the edges, in every byte order.
values = (0, 1, -1, 127, -128, 255, 256, 32767, -32769, 65535, 70000,
          2**31 - 1, -2**31, 2**32, 2**63 - 1, -2**63, 2**63, 2**64, 2**70, -2**70)
for fmt in 'bBhHiIlLqQnNP':
    for order in '@=<>!':
        if order != '@' and fmt in 'nNP':
            continue
        row = []
        for v in values:
            try:
                packed = struct.pack(order + fmt, v)
                back = struct.unpack(order + fmt, packed)[0]
                row.append(packed.hex() + ('' if back == v else '~%d' % back))
            except struct.error as e:
                row.append('E:' + str(e))
        print(order + fmt, row)

# __index__ and bools are integers; floats and strings are not.
t(struct.pack, 'i', Idx(7))
t(struct.pack, '>Q', Idx(2**64 - 1))
t(struct.pack, '>q', Idx(2**64))
t(struct.pack, 'h', True)
t(struct.pack, 'i', 1.0)
t(struct.pack, 'B', '1')
t(struct.pack, 'n', 1.5)
t(struct.pack, 'P', None)

# Floats: f, d, e in each order, overflow and non-floats.
for order in '@<>':
    for v in (0.0, -0.0, 1.5, -2.25, 1e-8, 3.4e38, float('inf'), -float('inf'), 1 / 3):
        print(order, v, struct.pack(order + 'f', v).hex(), struct.pack(order + 'd', v).hex(),
              struct.unpack(order + 'f', struct.pack(order + 'f', v)),
              struct.unpack(order + 'd', struct.pack(order + 'd', v)))
for v in (0.0, -0.0, 1.0, 65504.0, 65519.99, 5.96e-8, 2.9e-8, 3e-8, 6.1e-5, 0.1, 1 / 3,
          float('inf'), -float('inf'), 1.00048828125, 1.00146484375, 2049.0, 2051.0):
    p = struct.pack('<e', v)
    print('e', v, p.hex(), struct.pack('>e', v).hex(), struct.unpack('<e', p))
print(struct.pack('<e', float('nan')).hex(), struct.pack('>e', -float('nan')).hex())
print([struct.unpack('<e', struct.pack('<H', h))[0] for h in (0x7c00, 0xfc00, 1, 0x3ff, 0x400, 0x3c00, 0x7bff, 0x8001)])
print(struct.unpack('<e', b'\x01\x7c')[0] != struct.unpack('<e', b'\x01\x7c')[0])
t(struct.pack, 'e', 65520.0)
t(struct.pack, '<e', 1e300)
t(struct.pack, 'f', 1e300)
t(struct.pack, '<f', 1e300)
t(struct.pack, '>f', -1e39)
t(struct.pack, 'd', 'x')
t(struct.pack, 'd', 2**2000)
t(struct.pack, 'd', 3)
t(struct.pack, '>d', Flt())
t(struct.pack, '>e', Idx(3))
t(struct.pack, 'f', None)

# Bool, char, strings.
print(struct.pack('????', 0, 2, [], 'x'), struct.unpack('??', b'\x00\x05'))
t(struct.pack, 'c', b'a')
t(struct.pack, 'c', bytearray(b'a'))
t(struct.pack, 'c', 'a')
t(struct.pack, 'c', b'ab')
t(struct.pack, '3c', b'a', b'b', b'c')
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.pack('s', bytearray(b'xyz')),
      struct.pack('0s', b'abc'), struct.unpack('5s', b'abcde'))
print(struct.pack('5p', b'abcdefg'), struct.pack('5p', b'ab'), struct.pack('p', b'abc'),
      struct.unpack('5p', b'\xffabcd'), struct.unpack('5p', b'\x02abcd'), struct.pack('300p', b'x' * 300)[:3])
t(struct.pack, 's', 'a')
t(struct.pack, 'p', 1)
t(struct.pack, 's', memoryview(b'a'))
t(struct.unpack, '0p', b'')

# Native alignment and sizes; standard sizes.
for fmt in ('c', 'bh', 'bi', 'bl', 'bq', 'bd', 'bf', 'be', 'bP', 'b?', 'hb', 'ib', 'bi0l',
            'cic', 'llh', 'xxi', '3xi', '=bi', '<bi', '>bl', '!bq', '<qe', '@ci?q', '2i3h', '10s', '10p',
            '0s', '0x', '', '   i  i ', '\ti\n', '4?'):
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('@bi', 1, 2), struct.pack('@ci?q', b'a', 5, 2, 7), struct.pack('=bi', 1, 2))
print(struct.unpack('@bhiq', struct.pack('@bhiq', -1, -2, -3, -4)))
print(struct.pack('>hhl', 1, 2, 3), struct.pack('<hhl', 1, 2, 3))
print(struct.unpack('>hhl', b'\x00\x01\x00\x02\x00\x00\x00\x03'))
print(struct.pack('3b2x?', 1, 2, 3, True), struct.unpack('3b2x?', b'\x01\x02\x03\x00\x00\x01'))
print(struct.pack(b'<i', 5), struct.unpack(b'>H', b'\x01\x02'))

# NaNs pack as CPython's quiet NaN (with their sign); P's overflow for an
# __index__ object is the conversion's own OverflowError.
print(struct.pack('>d', float('nan')).hex(), struct.pack('<d', -float('nan')).hex(),
      struct.pack('>f', float('nan')).hex(), struct.pack('>e', float('nan')).hex())
t(struct.pack, 'P', Idx(2**70))
t(struct.pack, 'P', Idx(-2**70))
t(struct.pack, 'P', 2**70)
t(struct.pack, '>Q', Idx(-1))
t(struct.pack, '>Q', -1)
