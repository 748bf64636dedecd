from .. import circle
from ..units import scale as sc

print("geometry.solids runs, __package__ =", __package__, "sc(5) =", sc(5))
