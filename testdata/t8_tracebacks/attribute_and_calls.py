# Attribute access and calls: carets under the failing expression only,
# none when it is the whole line.
class Config:
    def __init__(self):
        self.name = "demo"


def load(cfg):
    return cfg.name.upper() + cfg.timeout_seconds


def start():
    settings = Config()
    load(settings)


value = int("12") + len([start()])
