print("  _sib_order: start")
import _sib_greet  # already imported: its body does not run again

print("  _sib_order: greet count", _sib_greet.count)
VALUE = 42
print("  _sib_order: end")
