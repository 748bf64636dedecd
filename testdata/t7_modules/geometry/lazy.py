# Not imported by geometry/__init__.py: `from geometry import lazy` loads it.
print("geometry.lazy runs")
WORD = "lazy"
