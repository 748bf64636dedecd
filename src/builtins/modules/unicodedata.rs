//! `unicodedata` (Modules/unicodedata.c), the part py2vm has the Unicode
//! database for: `east_asian_width` (what traceback.py's `_display_width`
//! asks, from `object::chars`' generated table) and `unidata_version`.

use super::{functions, new_module};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    let mut members = functions(&[("east_asian_width", east_asian_width)]);
    members.push(("unidata_version", Value::str("14.0.0")));
    new_module("unicodedata", members)
}

fn east_asian_width(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [arg] = a.positional else {
        return Err(type_error(format!(
            "east_asian_width() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    };
    let mut chars = match arg {
        Value::Str(s) => s.chars(),
        other => {
            return Err(type_error(format!(
                "east_asian_width() argument must be a unicode character, not {}",
                protocol::type_name(other)
            )))
        }
    };
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::str(crate::object::chars::east_asian_width(c))),
        _ => Err(type_error(
            "east_asian_width() argument must be a unicode character, not str",
        )),
    }
}
