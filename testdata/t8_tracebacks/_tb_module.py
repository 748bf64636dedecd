print("_tb_module: running")


def check(limit):
    if limit > 2:
        raise ValueError(f"limit {limit} is too high")
    return limit


LIMIT = check(1) + check(3)
