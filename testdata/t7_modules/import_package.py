# A package (a directory with __init__.py) beside the program: dotted
# imports, relative imports inside it, submodules bound on their parent.
import sys

import geometry

print(geometry.describe(), geometry.VERSION)
print(sorted(k for k in vars(geometry) if not k.startswith("__")))
print(geometry.__file__, geometry.__path__ == [sys.path[0] + "/geometry"])
print(geometry.__package__, geometry.circle.__package__, geometry.circle.__name__)
print(geometry.circle, geometry.circle.area(2))

import geometry.solids.sphere

print(geometry.solids.sphere.volume(1.0))
print("geometry.solids" in sys.modules, hasattr(geometry.solids, "sphere"))
print(geometry.solids.__path__ == [sys.path[0] + "/geometry/solids"])
import geometry.solids.sphere as sp

print(sp is geometry.solids.sphere, sp.__name__, sp.__package__)

from geometry import lazy

print(lazy.WORD, geometry.lazy is lazy, "geometry.lazy" in sys.modules)
from geometry.solids import sphere

print(sphere.volume(2.0))
print(__import__("geometry.solids") is geometry)
print(__import__("geometry.solids", fromlist=["sphere"]) is geometry.solids)
print(__import__("geometry", fromlist=["lazy", "units"]) is geometry)

from geometry.units import *

print(scale(5))
import geometry.bad_relative

for statement in [
    "import geometry.missing",
    "from geometry import missing",
    "import geometry.circle.deeper",
    "from geometry.solids import nothing_here",
]:
    try:
        exec(statement)
    except ImportError as e:
        print(type(e).__name__, e)
print(sorted(name for name in sys.modules if name.startswith("geometry")))
