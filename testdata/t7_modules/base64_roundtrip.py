# CPython's base64.py over native binascii, _struct and _sre.
import base64
import binascii

samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', b'hello world\n',
           bytes(range(256)), b'\x00\x00\x00\x00', b'    ', b'\xff\xfe\xfd\xfc\xfb']
for s in samples:
    row = [base64.b64encode(s), base64.urlsafe_b64encode(s), base64.b32encode(s),
           base64.b32hexencode(s), base64.b16encode(s), base64.b85encode(s),
           base64.a85encode(s), base64.standard_b64encode(s)]
    print([r[:40] for r in row])
    assert base64.b64decode(row[0]) == s
    assert base64.urlsafe_b64decode(row[1]) == s
    assert base64.b32decode(row[2]) == s
    assert base64.b32hexdecode(row[3]) == s
    assert base64.b85decode(row[5]) == s
    assert base64.a85decode(row[6]) == s
    assert base64.standard_b64decode(row[7]) == s
print(base64.b85encode(b'hello', pad=True), base64.a85encode(b'hello', adobe=True),
      base64.a85encode(b'\x00' * 8 + b'    ', foldspaces=True, wrapcol=5))
print(base64.a85decode(b'<~BOu!rDZ~>', adobe=True), base64.a85decode(b'zz'), base64.a85decode(b'y', foldspaces=True))
print(base64.urlsafe_b64decode(b'aGk_'), base64.urlsafe_b64decode('-_-_'), base64.b64decode('aGk/', validate=True))
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode(b'MZXW6YQ=', map01=b'L'))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.b64encode(bytearray(b'abc')), base64.b64encode(memoryview(b'abc')))
for bad in (lambda: base64.b64decode(b'aGk', validate=True),
            lambda: base64.b64decode(b'a!Gk=', validate=True),
            lambda: base64.b32decode(b'MZXW6YQ'),
            lambda: base64.b32decode(b'MZXW6YQ!'),
            lambda: base64.b85decode(b'|||||'),
            lambda: base64.b85decode(b'ab~d'),
            lambda: base64.a85decode(b'<~abc', adobe=True),
            lambda: base64.a85decode(b'abzde'),
            lambda: base64.a85decode(b's8W-"'),
            lambda: base64.b64encode('text'),
            lambda: base64.b64decode('é'),
            lambda: base64.encodebytes('text')):
    try:
        print(bad())
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(base64.b16decode(b'666F6F'), base64.b16decode(b'666f6f', casefold=True))
try:
    base64.b16decode(b'666f6f')
except binascii.Error as e:
    print('binascii.Error', e)
