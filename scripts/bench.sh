#!/usr/bin/env bash
# Times `py2vm run` against python3.11 on the shared benchmark programs, side
# by side in one run (medians and ratios, checksums compared), with the
# release build. Extra arguments go to run_bench.py, e.g.
#   scripts/bench.sh --scale 0.2 --runs 5
#   scripts/bench.sh --only int_arith,closures
# With no --only, the ten programs the VM issue is measured on are run.
# The project's own programs (bench/programs: regex.py, CPython's re on
# py2vm's _sre) run with
#   scripts/bench.sh --programs bench/programs --only regex
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
args=("$@")
if [[ " ${args[*]-} " != *" --only "* ]]; then
    args+=(--only int_arith,float_nbody,calls_recursion,objects_sim,containers,strings_fmt,exceptions_loop,closures,pattern_match,toy_interp)
fi
exec python3 ../shared/bench/run_bench.py --vm "py2vm=target/release/py2vm run" "${args[@]}"
