# An uncaught NameError or AttributeError suggests a close name (3.11 does
# this only for uncaught exceptions, not in traceback.print_exc()).
import traceback


class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, amount):
        self.balance += amount


try:
    Account().deposti(5)
except AttributeError as e:
    traceback.print_exc()
    print(e.name, type(e.obj).__name__)


def average(numbers):
    total = sum(numbers)
    return totl / len(numbers)


print(average([]) if False else "skip")
average([1, 2])
