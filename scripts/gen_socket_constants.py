#!/usr/bin/env python3.11
"""Write src/builtins/modules/socket/constants.rs: every integer constant
python3.11's `_socket` has on this platform (Linux), in the module's own
order, as py2vm's `_socket` provides them."""
import _socket
import pathlib

lines = [
    "//! The integer constants of `_socket` (AF_*, SOCK_*, SOL_*, SO_*,",
    "//! IPPROTO_*, MSG_*, ...), in socketmodule.c's order, generated from",
    "//! python3.11's own module on Linux by scripts/gen_socket_constants.py.",
    "",
    "pub(super) const CONSTANTS: &[(&str, i64)] = &[",
]
for name, value in vars(_socket).items():
    if name.isupper() or name.startswith(("AF_", "PF_", "SO_", "SOCK_")):
        if type(value) is int:
            lines.append(f'    ("{name}", {value}),')
lines.append("];")
out = pathlib.Path(__file__).resolve().parent.parent / "src/builtins/modules/socket/constants.rs"
out.write_text("\n".join(lines) + "\n")
