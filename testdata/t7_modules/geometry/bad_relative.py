# Three dots from geometry.bad_relative go above the top-level package.
try:
    from ... import anything
except ImportError as e:
    print("geometry.bad_relative:", type(e).__name__, e)
try:
    from ..geometry import units
except ImportError as e:
    print("geometry.bad_relative:", type(e).__name__, e)
