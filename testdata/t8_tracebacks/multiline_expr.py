# An expression over several lines: only its first line is shown, with
# carets to the end of that line and no anchors.
def mean(values):
    return (sum(values) +
            len(values)) / len(
        values)


print(mean([1, 2, 3]))
data = {
    "a": 1,
}
result = (data["a"]
          + data["missing"])
