# Runaway recursion ends in a RecursionError: after three identical entries
# the rest collapse into `[Previous line repeated N more times]`.
def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)


print(countdown(10))
countdown(-1)
