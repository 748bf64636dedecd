# Python code called from native code: __eq__ during a dict lookup, a key=
# function inside sorted(), __repr__ from print().
class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return len(self.name)

    def __eq__(self, other):
        same = self.name == other.name
        return same

    def __repr__(self):
        return "Key(" + self.name + ")"


def by_length(word):
    n = len(word)
    return n


table = {Key("ab"): 1, Key("cd"): 2}
print(table[Key("cd")])
print(sorted(["ccc", "a", "bb"], key=by_length))
print(Key("z"))
