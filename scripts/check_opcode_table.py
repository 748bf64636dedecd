#!/usr/bin/env python3.11
"""Check src/bytecode/opcode_table.rs against CPython 3.11's `opcode` module.

Compares opcode numbers, names, inline-cache entry counts and argument kinds.
Prints every mismatch and exits 1 if there are any; otherwise prints
"ok: N opcodes" and exits 0. Must be run with Python 3.11.
"""
import opcode
import re
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "src" / "bytecode" / "opcode_table.rs"

STR = r'"((?:[^"\\]|\\.)*)"'
ENTRY = re.compile(
    r"^\s*(\d+)\s+([A-Z_][A-Z0-9_]*)\s+(\d+)\s+([A-Za-z]+)\s+" + STR + r"\s+" + STR + r"\s*;\s*$"
)


def expected_kind(num, name):
    if num < opcode.HAVE_ARGUMENT:
        return "None"
    if num in opcode.hasconst:
        return "Const"
    if num in opcode.hasname:
        return "Name"
    if num in opcode.haslocal:
        return "Local"
    if num in opcode.hasfree:
        return "Free"
    if num in opcode.hascompare:
        return "Compare"
    if num in opcode.hasjrel:
        return "JumpBackward" if "JUMP_BACKWARD" in name else "JumpForward"
    return "Number"


def main():
    if sys.version_info[:2] != (3, 11):
        print(f"error: needs Python 3.11, running {sys.version.split()[0]}")
        return 1
    text = TABLE.read_text()
    m = re.search(r"define_opcodes!\s*\{(.*)\}\s*$", text, re.S)
    if not m:
        print(f"error: no define_opcodes! {{ ... }} block in {TABLE}")
        return 1
    errors = []
    entries = []
    for lineno, line in enumerate(m.group(1).splitlines(), 1):
        if not line.strip() or line.strip().startswith("//"):
            continue
        e = ENTRY.match(line)
        if not e:
            errors.append(f"unparsable entry: {line.strip()!r}")
            continue
        num, name, caches, kind, effect, explain = e.groups()
        entries.append((int(num), name, int(caches), kind, effect, explain))
        if not (effect.startswith("(") and effect.endswith(")") and " -- " in f" {effect} "):
            errors.append(f"{name}: stack effect {effect!r} is not '(inputs -- outputs)'")
        if not explain.strip():
            errors.append(f"{name}: empty explanation")

    expected = [
        (i, n, opcode._inline_cache_entries[i], expected_kind(i, n))
        for i, n in enumerate(opcode.opname)
        if not n.startswith("<")
    ]
    got = {e[0]: e for e in entries}
    want = {e[0]: e for e in expected}

    nums = [e[0] for e in entries]
    if nums != sorted(nums):
        errors.append("entries are not in numeric order")
    if len(nums) != len(set(nums)):
        errors.append("duplicate opcode numbers")
    for num in sorted(set(want) - set(got)):
        errors.append(f"missing opcode {num} {want[num][1]}")
    for num in sorted(set(got) - set(want)):
        errors.append(f"unknown opcode {num} {got[num][1]}")
    for num in sorted(set(got) & set(want)):
        _, gname, gcache, gkind, _, _ = got[num]
        _, wname, wcache, wkind = want[num]
        if gname != wname:
            errors.append(f"{num}: name {gname}, expected {wname}")
        if gcache != wcache:
            errors.append(f"{num} {wname}: cache entries {gcache}, expected {wcache}")
        if gkind != wkind:
            errors.append(f"{num} {wname}: arg kind {gkind}, expected {wkind}")

    for err in errors:
        print(err)
    if errors:
        print(f"FAILED: {len(errors)} mismatch(es)")
        return 1
    print(f"ok: {len(entries)} opcodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
