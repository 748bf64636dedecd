#!/usr/bin/env bash
# Runs modules of CPython's own test suite (Lib/test of the installed
# python3.11) under py2vm and under python3.11, and records in
# tests/cpython/<module>.passing the cases that pass under both. The lists
# only grow: a case listed before that no longer passes is reported and the
# script fails (fix the regression; do not edit the list by hand).
#
#   scripts/cpython_ratchet.sh test_re test_bisect ...   # these modules
#   scripts/cpython_ratchet.sh --all                     # every module in tests/cpython/ALL
#
# tests/cpython/CI names the modules the test suite checks on every run;
# tests/cpython/<module>.exclude lists cases not to run (hangs, minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
root=$PWD
if [[ "${1-}" == "--all" ]]; then
    mapfile -t modules < <(grep -v '^#' tests/cpython/ALL | sed '/^\s*$/d')
else
    modules=("$@")
fi
[[ ${#modules[@]} -gt 0 ]] || { echo "usage: $0 MODULE... | --all" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for m in "${modules[@]}"; do
    ex=()
    [[ -f tests/cpython/$m.exclude ]] && ex=(--exclude "$root/tests/cpython/$m.exclude")
    mkdir -p "$work/$m-py" "$work/$m-vm"
    (cd "$work/$m-py" && timeout 900 python3.11 "$root/scripts/cpython_suite.py" "$m" "${ex[@]}" \
        >"$work/$m.py.out" 2>/dev/null) || true
    (cd "$work/$m-vm" && timeout 900 "$root/target/release/py2vm" run "$root/scripts/cpython_suite.py" -- "$m" "${ex[@]}" \
        >"$work/$m.vm.out" 2>"$work/$m.vm.err") || true
    python3 - "$m" "$work/$m.py.out" "$work/$m.vm.out" "tests/cpython/$m.passing" <<'PY' || status=1
import sys
module, py_out, vm_out, listed_path = sys.argv[1:]
def outcomes(path):
    out = {}
    for line in open(path):
        parts = line.split(" ", 1)
        if len(parts) == 2:
            out[parts[1].strip()] = parts[0]
    return out
py, vm = outcomes(py_out), outcomes(vm_out)
try:
    listed = {l.strip() for l in open(listed_path) if l.strip() and not l.startswith("#")}
except FileNotFoundError:
    listed = set()
both = {t for t, o in vm.items() if o == "pass" and py.get(t) == "pass"}
lost = sorted(t for t in listed if vm.get(t) != "pass")
total = len(py)
print(f"{module}: py2vm passes {len(both)} of the {total} cases python3.11 runs "
      f"({100 * len(both) / max(total, 1):.1f}%); listed before: {len(listed)}")
if lost:
    print(f"{module}: {len(lost)} listed cases no longer pass:")
    for t in lost:
        print("   ", t, vm.get(t, "did not run"))
    sys.exit(1)
with open(listed_path, "w") as f:
    f.write(f"# {module}: cases of CPython's Lib/test/{module}.py that pass under py2vm\n")
    f.write("# (and python3.11). Written by scripts/cpython_ratchet.sh; only grows.\n")
    for t in sorted(both | listed):
        f.write(t + "\n")
PY
done
exit $status
