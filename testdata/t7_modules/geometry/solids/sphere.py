from ..circle import area, PI
from .. import VERSION
from . import circle as same_circle  # the package geometry.solids bound `circle`


def volume(r):
    return 4 * PI * r**3 / 3


print("geometry.solids.sphere runs, VERSION", VERSION, "area(1) =", area(1), same_circle.PI)
