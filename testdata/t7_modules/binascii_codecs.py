# binascii: hex (with separators), base64 (strict mode), uuencode,
# quoted-printable, crc32 and crc_hqx, with CPython 3.11's errors.
import binascii as B


def t(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except (B.Error, B.Incomplete, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)


print(B.Error.__mro__, B.Incomplete.__mro__)
print(B.Error.__module__, B.Incomplete.__module__, issubclass(B.Error, ValueError))
print(sorted(n for n in dir(B) if not n.startswith('__')))

# hex
data = bytes(range(0, 256, 17))
print(B.hexlify(data), B.b2a_hex(data), B.unhexlify(B.hexlify(data)) == data)
for sep, per in ((':', 1), (b'-', 2), (' ', 3), ('|', -2), ('.', -4), ('_', 100), ('+', 0), ('é', 2)):
    print(sep, per, B.hexlify(data, sep, per), B.b2a_hex(data[:5], sep=sep, bytes_per_sep=per))
t(B.hexlify, b'abcdef', '-')
t(B.hexlify, b'', ':')
t(B.hexlify, b'abc', 'ab')
t(B.hexlify, b'abc', '')
t(B.hexlify, b'ab', '€')
t(B.hexlify, b'ab', [1])
t(B.hexlify, b'ab', bytearray(b':'))
t(B.hexlify, b'abc', 3)
t(B.hexlify, b'abc', None)
t(B.hexlify, b'abc', ':', 2**70)
t(B.hexlify, b'abc', ':', 1.5)
t(B.hexlify, 'abc')
t(B.hexlify)
t(B.hexlify, b'a', ':', 1, 2)
t(B.b2a_hex, bytearray(b'xy'), sep='|', bytes_per_sep=1)
t(B.b2a_hex, memoryview(b'xyz'))
t(B.unhexlify, b'01ab')
t(B.unhexlify, '01AbfF')
t(B.a2b_hex, bytearray(b'7f80'))
t(B.unhexlify, b'1')
t(B.unhexlify, b'zz')
t(B.unhexlify, b'0g')
t(B.unhexlify, 'é1')
t(B.unhexlify, 5)
t(B.unhexlify)
t(B.unhexlify, b'', b'')
t(B.unhexlify, hexstr=b'')

# base64
for raw in (b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))[:70]):
    enc = B.b2a_base64(raw)
    print(enc, B.b2a_base64(raw, newline=False), B.a2b_base64(enc) == raw)
t(B.b2a_base64, 'x')
t(B.b2a_base64, b'a', False)
t(B.b2a_base64, b'a', newline=[])
for s in (b'aGVsbG8=\n', 'aGVsbG8=', b'aGVsbG8', b'aGVsb', b'a', b'aGVs!bG8=', b'aGVsbA==aGVs',
          b'aGVsbA=', b'ab=c', b'a=b=c=d', b'YQ==', b'YR==', b'\xffYQ==', b'abcde', b'abcdef',
          b'a===', b'Y=Q==', b'YQ=a=', b'', b'  Y Q = = \n', b'=YQ==', b'YQ= =', b'YQ=\n='):
    t(B.a2b_base64, s)
    t(B.a2b_base64, s, strict_mode=True)
t(B.a2b_base64, 'é')
t(B.a2b_base64, 3)
t(B.a2b_base64, b'a', True)
t(B.a2b_base64, b'YQ==', strict_mode=[])

# crc
for raw in (b'', b'hello', b'The quick brown fox jumps over the lazy dog', bytes(range(256))):
    print(B.crc32(raw), B.crc32(raw, 1), B.crc32(raw, -1), B.crc32(raw, 2**70 + 5),
          B.crc_hqx(raw, 0), B.crc_hqx(raw, 0xffff), B.crc_hqx(raw, -1), B.crc_hqx(raw, 2**40 + 3))
print(B.crc32(b'world', B.crc32(b'hello ')) == B.crc32(b'hello world'))
t(B.crc32, 'x')
t(B.crc32, b'x', 1.0)
t(B.crc32, b'x', True)
t(B.crc32)
t(B.crc32, b'', 1, 2)
t(B.crc_hqx, b'hello')
t(B.crc_hqx, b'x', 1.5)

# uu
for raw in (b'', b'a', b'hello', b'\x00\x00\x00', bytes(range(45))):
    enc = B.b2a_uu(raw)
    print(enc, B.b2a_uu(raw, backtick=True), B.a2b_uu(enc) == raw, B.a2b_uu(B.b2a_uu(raw, backtick=True)) == raw)
t(B.b2a_uu, b'x' * 46)
t(B.b2a_uu, b'', True)
t(B.a2b_uu, b'')
t(B.a2b_uu, b'!')
t(B.a2b_uu, '%:&5L;&\\')
t(B.a2b_uu, b'%:&5L;&\\ garbage')
t(B.a2b_uu, b'%:&5L;&\\``  \r\n')
t(B.a2b_uu, b'%\x01')
t(B.a2b_uu, b'!!!!!!')
t(B.a2b_uu)

# quoted-printable
for raw in (b'hello = world\t\n', b'caf\xe9 tab\there  \n', b'x' * 100, b'line\r\nnext\r\n  \r\n',
            b'.\nend', b'.', b'a.\n.b', b'From me', b'\x00abc', b'end ', b'end\t', b'x' * 75 + b'\xff' * 3,
            b'x' * 74 + b'\n' + b'y' * 80, b'a_b c', b'=' * 30):
    for kw in ({}, {'quotetabs': True}, {'istext': False}, {'header': True}):
        enc = B.b2a_qp(raw, **kw)
        print(kw, enc, B.a2b_qp(enc, header=kw.get('header', False)) == raw)
for s in (b'caf=E9=\nnext=3d=3D', b'a_b=20c', 'abc=4', b'=zz=4a', b'a=\r\nb', b'a=', b'a= \r\nb', b'=\rx\ny'):
    print(B.a2b_qp(s), B.a2b_qp(s, header=True), B.a2b_qp(data=s, header=1))
t(B.a2b_qp)
t(B.b2a_qp, b'a', 1, 2, 3, 4)
t(B.b2a_qp, 'a')
t(B.a2b_qp, b'a_b', header=[1])

# Positional-only data, keyword-only flags, METH_O and no-keyword functions.
t(B.b2a_base64, data=b'x')
t(B.a2b_base64, data=b'eA==')
t(B.b2a_uu, data=b'x')
t(B.a2b_base64, b'eA==', foo=1)
t(B.hexlify, data=b'x')
t(B.b2a_qp, data=b'x')
t(B.crc32, b'x', crc=1)
t(B.crc_hqx, b'x', crc=1)
t(B.b2a_hex, b'x', sepx=1)
