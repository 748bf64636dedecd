# An instance with __del__ dropped while a class namespace is being written
# (the class attribute it was replaced or deleted).
class A:
    def __del__(self):
        print("del A")
A.x = A()
A.x = 1
print("replaced")
class B:
    pass
B.y = A()
del B.y
print("deleted")
