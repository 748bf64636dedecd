# Columns are UTF-8 byte offsets: carets must land on characters, and wide
# characters take two columns.
import traceback

café = "crème"
for probe in (
    lambda: café + 1,
    lambda: {"日本": 1}["語"],
    lambda: ("日本語", café * None),
):
    try:
        probe()
    except (TypeError, KeyError):
        traceback.print_exc()

greeting = "こんにちは"; n = None
print(greeting)
total = len(greeting) + n
