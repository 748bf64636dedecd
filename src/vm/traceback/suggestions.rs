//! `. Did you mean: 'x'?` after an uncaught NameError or AttributeError:
//! Python/suggestions.c of 3.11 (`_Py_Offer_Suggestions`), which only
//! `PyErr_Display` calls (traceback.py of 3.11 does not suggest).

use std::rc::Rc;

use crate::object::exception::ExceptionObject;
use crate::object::{builtin_types, Value};
use crate::vm::{protocol, Vm};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The suggestion for `exc`, when it is exactly a NameError (names of the
/// innermost frame: its locals, then globals, then builtins) or exactly an
/// AttributeError (`dir(obj)`).
pub fn offer(vm: &mut Vm, exc: &Rc<ExceptionObject>) -> Option<String> {
    let types = builtin_types();
    let name = match protocol::plain_get_str(&exc.dict.borrow(), "name") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return None,
    };
    if Rc::ptr_eq(&exc.class, &types.attribute_error) {
        let obj = protocol::plain_get_str(&exc.dict.borrow(), "obj")?;
        let dir = vm.builtins.borrow().clone();
        let dir = protocol::plain_get_str(&dir, "dir")?;
        let listing = vm.call(&dir, vec![obj]).ok()?;
        let names = protocol::collect(vm, &listing).ok()?;
        return best(&name, &strings(&names));
    }
    if !Rc::ptr_eq(&exc.class, &types.name_error) {
        return None;
    }
    let entry = exc.traceback.borrow().last()?.clone();
    let varnames: Vec<String> = entry.code.varnames().map(String::from).collect();
    if let Some(s) = best(&name, &varnames) {
        return Some(s);
    }
    if let Some(globals) = entry.globals.upgrade() {
        let keys = protocol::collect(vm, &Value::Dict(globals)).ok()?;
        if let Some(s) = best(&name, &strings(&keys)) {
            return Some(s);
        }
    }
    let keys = protocol::collect(vm, &Value::Dict(vm.builtins.clone())).ok()?;
    best(&name, &strings(&keys))
}

fn strings(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .collect()
}

/// `calculate_suggestions`: the first candidate at the smallest distance,
/// no more than a third of the characters changed.
fn best(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut found: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = found {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if found.is_none_or(|(_, best)| d < best) {
            found = Some((item, d));
        }
    }
    found.map(|(s, _)| s.clone())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// suggestions.c's `levenshtein_distance` over UTF-8 bytes, giving up
/// (`max_cost + 1`) as soon as `max_cost` cannot be met.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &c) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, c);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn close_names_are_suggested_and_far_ones_not() {
        let c = names(&["counter", "print", "value"]);
        assert_eq!(best("countr", &c).as_deref(), Some("counter"));
        assert_eq!(best("Value", &c).as_deref(), Some("value"));
        assert_eq!(best("zzz", &c), None);
        assert_eq!(best("value", &names(&["value"])), None);
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert_eq!(best("ab", &names(&["abc", "abd"])).as_deref(), Some("abc"));
    }
}
