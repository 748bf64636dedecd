# Subscripts: the `[...]` part is marked with ^, the value with ~.
import traceback

inventory = {"apples": 3, "pears": [1, 2]}
grid = [[1, 2], [3, 4]]

for probe in (
    lambda: grid[1][5],
    lambda: (grid[2]),
    lambda: inventory["pears"][ 7 ],
    lambda: "abc"[10],
):
    try:
        probe()
    except (IndexError, KeyError):
        traceback.print_exc()

count = inventory["apples"] + inventory["plums"]
