"""A package for import_package.py: relative imports of its submodules."""
print("geometry: __init__ runs, __name__ =", __name__, "__package__ =", __package__)
from .units import scale
from . import circle

VERSION = "1.0"


def describe():
    return f"geometry {VERSION}, scale(3) = {scale(3)}"
