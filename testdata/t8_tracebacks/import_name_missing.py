# IMPORT_FROM of a name the module lacks, uncaught.
from _tb_names import present, absent

print("never printed")
