# d[str] when a key of another type has the same hash: its __eq__ decides,
# as in CPython (the loop's str-only probe must step aside).
class Alias:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        print("Alias.__eq__", self.text, other)
        return other == self.text


d = {Alias("key"): "via alias", "other": 2}
print(d["key"])
print(d["other"])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
d["key"] = "replaced"
print(len(d), list(d.values()))
plain = {"a": 1, "b": 2}
for k in ["a", "b", "a"]:
    print(plain[k])
