print("_err_raises: body starts")
half_done = True
1 / 0
print("never printed")
