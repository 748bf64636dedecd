import _sha512, _md5, _sha1, _sha256
for f in (_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512):
    h = f(b"abc")
    c = h.copy(); c.update(b"def")
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:20], type(h).__name__, type(h).__module__)
print(_sha512.sha512(string=b"x").digest()[:4], _md5.md5(bytearray(b"x")).hexdigest())
for bad in ["x", 1]:
    try: _md5.md5(bad)
    except TypeError as e: print(e)
try: _sha512.sha512(b'x', bogus=1)
except TypeError as e: print(e)
