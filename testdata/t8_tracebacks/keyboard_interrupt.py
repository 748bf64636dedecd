# An uncaught KeyboardInterrupt: traceback, then the process dies by SIGINT.
def work():
    print("working")
    raise KeyboardInterrupt


work()
