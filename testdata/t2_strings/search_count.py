# find/rfind/index/rindex/count/startswith/endswith/partition/rpartition/in.
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 1, 10), s.find("dog"), s.find(""), s.find("", 100))
print(s.rfind("the"), s.rfind("the", 0, 30), s.rfind("at"), s.rfind("zzz"), s.rfind(""))
print(s.index("cat"), s.rindex("at"), s.index("at", 10), s.index("t", -5))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("dog")
except ValueError as e:
    print("ValueError:", e)
print(s.count("the"), s.count("at"), s.count("t", 10), s.count(""), "aaaa".count("aa"), "".count(""))
print(s.startswith("the"), s.startswith("cat", 4), s.startswith(("dog", "the")), s.startswith(()))
print(s.endswith("hat"), s.endswith(("mat", "hat")), s.endswith("mat", 0, 26), s.startswith("", 50))
try:
    s.startswith(["the"])
except TypeError as e:
    print("TypeError:", e)
print(s.partition(" "), s.rpartition(" "), s.partition("zzz"), s.rpartition("zzz"))
print("a=b=c".partition("="), "a=b=c".rpartition("="))
try:
    "x".partition("")
except ValueError as e:
    print("ValueError:", e)
print("cat" in s, "dog" in s, "" in s, "" in "", "T" in s)
print("abcabc".find("c", -2), "abcabc".find("c", -100, -4), "abcabc".find("c", 4, 2))
print("mississippi".count("ss"), "mississippi".replace("ss", "SS", 1), "mississippi".find("ssi", 3))
words = s.split()
print([w for w in words if w.endswith("at")], [i for i, c in enumerate(s) if c == "h"])
