#!/usr/bin/env python3
"""Record (or check) the golden expected output of the py2vm test programs.

Every program ``testdata/<tier>/<name>.py`` is run with the reference
interpreter (``python3.11`` by default, override with ``--python``).
Programs sit directly in a tier directory and their names do not start with
``_``; the other ``.py`` files are modules the programs import (``_name.py``
beside them, packages in subdirectories of a tier) and are not run on their
own (tests/common/mod.rs's ``test_programs`` follows the same rule):

* the working directory is the directory containing the program,
* the environment is the current one plus ``PYTHONHASHSEED=0``
  (``PYTHONDONTWRITEBYTECODE=1`` is also set so no ``__pycache__`` appears),
* the run is killed after a 30 second timeout (reported as an error).

Two files are written beside each program:

* ``<name>.stdout`` -- the exact bytes the program wrote to stdout, with
  the program's absolute directory taken out as for stderr below;
* ``<name>.status`` -- the exit status as a decimal number and a newline
  (``0`` normally, ``1`` for an uncaught exception, ``-2`` for death by
  SIGINT as after an uncaught KeyboardInterrupt).

For the programs of the tiers in ``STDERR_TIERS`` (``testdata/t8_tracebacks``)
a third file is written:

* ``<name>.stderr`` -- what the program wrote to stderr (tracebacks), with
  every occurrence of the program's absolute directory plus ``/`` removed:
  ``python3.11 FILE`` names the file by its absolute path
  (``File "/abs/dir/name.py", line 3``), which differs between checkouts.
  tests/run_conformance.rs compares py2vm's stderr, normalized the same
  way, whenever a ``.stderr`` file is beside a program.

Stderr is not recorded for the other tiers.

Usage::

    python3.11 scripts/record_expected.py                 # record all programs
    python3.11 scripts/record_expected.py testdata/basics/int_arith.py ...
    python3.11 scripts/record_expected.py --check         # compare, write nothing

With ``--check`` nothing is written; every program whose current output or
exit status differs from the recorded files (or whose files are missing) is
reported, and the script exits with status 1 if there was any difference.
Without ``--check`` the exit status is 1 only if a program timed out.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTDATA = REPO / "testdata"
TIMEOUT = 30
# Tiers whose programs also have their stderr recorded (see the docstring).
STDERR_TIERS = {"t8_tracebacks"}


def records_stderr(path):
    return path.parent.name in STDERR_TIERS


def is_program(path):
    """A test program, not a module one imports (see the docstring)."""
    try:
        rel = path.relative_to(TESTDATA)
    except ValueError:
        return True  # a file elsewhere is taken as a program
    return len(rel.parts) == 2 and not rel.name.startswith("_")


def find_programs(args):
    if args:
        paths = [Path(a).resolve() for a in args]
        for p in paths:
            if not is_program(p):
                sys.exit(f"{rel(p)} is a module imported by the test programs, not a program")
        return paths
    return sorted(p for p in TESTDATA.rglob("*.py") if is_program(p))


def run_program(python, path):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [python, path.name],
        cwd=path.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )
    # The directory as the program saw it (getcwd: symlinks resolved); a
    # traceback printed to stdout (traceback.format_exc()) names it too.
    prefix = os.fsencode(path.parent.resolve()) + b"/"
    stdout = proc.stdout.replace(prefix, b"")
    stderr = proc.stderr.replace(prefix, b"")
    return stdout, f"{proc.returncode}\n".encode(), stderr


def rel(path):
    try:
        return path.relative_to(REPO)
    except ValueError:
        return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="programs to process (default: testdata/**/*.py)")
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("--python", default="python3.11", help="reference interpreter (default python3.11)")
    opts = parser.parse_args()

    failures = 0
    for path in find_programs(opts.files):
        stdout_file = path.with_suffix(".stdout")
        status_file = path.with_suffix(".status")
        stderr_file = path.with_suffix(".stderr")
        try:
            out, status, err = run_program(opts.python, path)
        except subprocess.TimeoutExpired:
            print(f"TIMEOUT {rel(path)} (>{TIMEOUT}s)")
            failures += 1
            continue
        recorded = [(stdout_file, out), (status_file, status)]
        if records_stderr(path):
            recorded.append((stderr_file, err))
        if opts.check:
            problems = []
            for f, data in recorded:
                if not f.exists():
                    problems.append(f"missing {f.name}")
                elif f.read_bytes() != data:
                    problems.append(f"{f.name} differs")
            if problems:
                print(f"DIFF {rel(path)}: {', '.join(problems)}")
                failures += 1
            else:
                print(f"ok   {rel(path)}")
        else:
            for f, data in recorded:
                f.write_bytes(data)
            print(f"wrote {rel(path)} (status {status.decode().strip()}, {len(out)} bytes)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
