from .units import scale
from . import units
import geometry.units as absolute_units

PI = 3.0


def area(r):
    return PI * r * r


print("geometry.circle runs:", __name__, units is absolute_units, scale is units.scale)
