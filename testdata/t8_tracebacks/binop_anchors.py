# A failing binary operation three calls deep: every frame's caret line,
# the `~~^~~` anchors under the operator.
def total(values):
    result = 0
    for v in values:
        result = result + v * 2
    return result


def report(rows):
    return "total: " + str(total(rows))


def main():
    print(report([1, 2, 3]))
    print(report([1, None, 3]))


main()
