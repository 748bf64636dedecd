"""Runs test cases of CPython's own test suite (Lib/test of the python3.11
whose Lib is on sys.path) and prints one line per test case:

    <outcome> <test id>

where outcome is pass, fail, error, skip or xfail (an expected failure
that failed) or xpass. Run it under py2vm (`py2vm run
scripts/cpython_suite.py test_re`) or under python3.11 to see what
CPython itself makes of the same cases.

    cpython_suite.py MODULE [--exclude FILE] [--only FILE]

--exclude names a file of test ids (one per line, # comments) not to run:
cases that hang or take minutes. --only runs just the ids a file lists.
"""

import sys
import unittest


def read_ids(path):
    ids = set()
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                ids.add(line)
    return ids


def keep(suite, wanted):
    """The suite with only the cases `wanted` accepts, its nesting (and so
    its class and module fixtures) kept."""
    out = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            sub = keep(test, wanted)
            if sub.countTestCases():
                out.addTest(sub)
        elif wanted(test.id()):
            out.addTest(test)
    return out


class Result(unittest.TestResult):
    """Collects the outcome of each case, printing it at once so that a
    crash or a hang later on loses nothing."""

    def __init__(self):
        super().__init__()
        self.outcome = {}

    def stopTest(self, test):
        super().stopTest(test)
        tid = test.id()
        print(self.outcome.get(tid, "error"), tid, flush=True)

    def _note(self, test, outcome):
        tid = test.id()
        # A case with failing subtests fails, whatever came before.
        if self.outcome.get(tid) in ("fail", "error"):
            return
        self.outcome[tid] = outcome

    def addSuccess(self, test):
        self._note(test, "pass")

    def _report(self, test, err):
        # Why it failed goes to stderr, for whoever looks into it.
        print("=" * 70, "\n" + test.id(), file=sys.stderr)
        try:
            print(self._exc_info_to_string(err, test), file=sys.stderr)
        except Exception:  # the traceback module may fall short: plain lines
            tb = err[2]
            while tb is not None:
                code = tb.tb_frame.f_code
                print('  File "%s", line %s, in %s'
                      % (code.co_filename, tb.tb_lineno, code.co_name),
                      file=sys.stderr)
                tb = tb.tb_next
            print("%s: %s" % (err[0].__name__, err[1]), file=sys.stderr)

    def addFailure(self, test, err):
        self.outcome[test.id()] = "fail"
        self._report(test, err)

    def addError(self, test, err):
        self.outcome[test.id()] = "error"
        self._report(test, err)

    def addSkip(self, test, reason):
        self._note(test, "skip")

    def addExpectedFailure(self, test, err):
        self._note(test, "xfail")

    def addUnexpectedSuccess(self, test):
        self.outcome[test.id()] = "xpass"

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.outcome[test.id()] = "fail" if failed else "error"
            self._report(subtest, err)


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    name = argv[0]
    exclude, only = set(), None
    rest = argv[1:]
    while rest:
        flag, path = rest[0], rest[1]
        rest = rest[2:]
        if flag == "--exclude":
            exclude = read_ids(path)
        elif flag == "--only":
            only = read_ids(path)
        else:
            print("unknown option " + flag, file=sys.stderr)
            return 2
    module = __import__("test." + name, fromlist=["*"])
    suite = unittest.TestLoader().loadTestsFromModule(module)
    suite = keep(
        suite,
        lambda tid: tid not in exclude and (only is None or tid in only),
    )
    suite.run(Result())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
