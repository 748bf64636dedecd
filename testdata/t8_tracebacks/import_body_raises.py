# An exception raised while a module's body runs: the traceback goes from
# the import statement into the module's file.
print("before the import")
import _tb_module

print("never printed")
