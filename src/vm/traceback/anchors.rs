//! What a traceback's caret line needs from the source of the failing
//! expression: whether the segment under the carets is one expression
//! statement whose top node is a binary operation or a subscript, and where
//! that node's children begin and end (PEP 657's anchors).
//!
//! CPython parses the segment with its real parser (traceback.c's
//! `extract_anchors_from_line`, traceback.py's
//! `_extract_caret_anchors_from_line_segment` with `ast.parse`). py2vm has no
//! parser of its own, so this module holds a small one: a tokenizer and a
//! precedence climber over the expression grammar of 3.11's `python.gram`
//! that keeps only node spans. The contents of `[]`, `{}` and call
//! parentheses are matched, not parsed: the segment is a node of code that
//! already compiled, so only its outer shape is in question.
//!
//! Offsets are byte offsets into the segment, as the AST's columns are.
//! Knows nothing of the VM.

/// The top node of a segment, with the child positions the anchors use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopNode {
    /// `left OP right`: `left.end_col_offset`, `right.col_offset`.
    BinOp { left_end: usize, right_start: usize },
    /// `value[slice]`: `value.end_col_offset`, `slice.end_col_offset`.
    Subscript { value_end: usize, slice_end: usize },
}

/// The top node of `segment` parsed as a module (`Py_file_input`), when it
/// is a single expression statement holding a binary operation or a
/// subscript; `None` for anything else, including what does not parse.
pub fn top_node(segment: &str) -> Option<TopNode> {
    let toks = tokenize(segment.as_bytes())?;
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        limit: toks.len(),
    };
    if p.peek_keyword()
        .is_some_and(|k| k != "not" && k != "await" && k != "lambda")
        && !p.at_atom_keyword()
    {
        // `return`, `del`, `yield`, ...: not an expression statement.
        return None;
    }
    let node = p.star_expressions()?;
    if p.eat_op(";") {
        // `a;` is still one statement.
    }
    if p.pos != p.limit {
        return None;
    }
    match node.kind {
        Kind::BinOp {
            left_end,
            right_start,
        } => Some(TopNode::BinOp {
            left_end,
            right_start,
        }),
        Kind::Subscript {
            value_end,
            slice_end,
        } => Some(TopNode::Subscript {
            value_end,
            slice_end,
        }),
        Kind::Other => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Name,
    Number,
    Str,
    Op,
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: TokKind,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Longest first, so that a prefix never wins over the whole operator.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

/// 3.11's hard keywords (`keyword.kwlist`).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_name_char(b: u8) -> bool {
    is_name_start(b) || b.is_ascii_digit()
}

fn is_string_prefix(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

/// Splits one line of source into tokens; `None` where Python's tokenizer
/// would fail (or the segment goes past one line).
fn tokenize(src: &[u8]) -> Option<Vec<Tok<'_>>> {
    let text = std::str::from_utf8(src).ok()?;
    let mut toks = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        match b {
            b' ' | b'\t' | b'\x0c' => i += 1,
            b'#' => break,
            b'\n' | b'\r' => {
                if src[i..].iter().all(|c| c.is_ascii_whitespace()) {
                    break;
                }
                return None;
            }
            _ if is_name_start(b) => {
                let start = i;
                while i < src.len() && is_name_char(src[i]) {
                    i += 1;
                }
                let name = &text[start..i];
                if i < src.len() && matches!(src[i], b'\'' | b'"') && is_string_prefix(name) {
                    i = string_end(src, i)?;
                    toks.push(tok(TokKind::Str, text, start, i));
                } else {
                    toks.push(tok(TokKind::Name, text, start, i));
                }
            }
            b'\'' | b'"' => {
                let start = i;
                i = string_end(src, i)?;
                toks.push(tok(TokKind::Str, text, start, i));
            }
            _ if b.is_ascii_digit()
                || (b == b'.' && src.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                let start = i;
                i = number_end(src, i);
                toks.push(tok(TokKind::Number, text, start, i));
            }
            _ => {
                let op = OPERATORS
                    .iter()
                    .find(|op| src[i..].starts_with(op.as_bytes()))?;
                toks.push(tok(TokKind::Op, text, i, i + op.len()));
                i += op.len();
            }
        }
    }
    Some(toks)
}

fn tok(kind: TokKind, text: &str, start: usize, end: usize) -> Tok<'_> {
    Tok {
        kind,
        text: &text[start..end],
        start,
        end,
    }
}

/// The end of the string literal whose opening quote is at `i`.
fn string_end(src: &[u8], mut i: usize) -> Option<usize> {
    let quote = src[i];
    let triple = src.len() >= i + 3 && src[i + 1] == quote && src[i + 2] == quote;
    i += if triple { 3 } else { 1 };
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            c if c == quote => {
                if !triple {
                    return Some(i + 1);
                }
                if src.len() >= i + 3 && src[i + 1] == quote && src[i + 2] == quote {
                    return Some(i + 3);
                }
                i += 1;
            }
            b'\n' if !triple => return None,
            _ => i += 1,
        }
    }
    None
}

/// The end of the number starting at `i` (decimal, float with exponent,
/// imaginary, or `0x`/`0o`/`0b` with underscores).
fn number_end(src: &[u8], mut i: usize) -> usize {
    let radix = src[i] == b'0' && src.get(i + 1).is_some_and(|c| b"xXoObB".contains(c));
    if radix {
        i += 2;
        while i < src.len() && (src[i].is_ascii_alphanumeric() || src[i] == b'_') {
            i += 1;
        }
        return i;
    }
    let digits = |i: &mut usize| {
        while *i < src.len() && (src[*i].is_ascii_digit() || src[*i] == b'_') {
            *i += 1;
        }
    };
    digits(&mut i);
    if i < src.len() && src[i] == b'.' {
        i += 1;
        digits(&mut i);
    }
    if i < src.len() && matches!(src[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < src.len() && matches!(src[j], b'+' | b'-') {
            j += 1;
        }
        if j < src.len() && src[j].is_ascii_digit() {
            i = j;
            digits(&mut i);
        }
    }
    if i < src.len() && matches!(src[i], b'j' | b'J') {
        i += 1;
    }
    i
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, slice_end: usize },
    Other,
}

/// An AST node as far as the anchors care: its span (the AST's
/// `col_offset`/`end_col_offset`) and what it is.
#[derive(Clone, Copy, Debug)]
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

struct Parser<'t, 's> {
    toks: &'t [Tok<'s>],
    pos: usize,
    /// Tokens from here on are outside the construct being parsed (the
    /// closing parenthesis of a group).
    limit: usize,
}

impl<'s> Parser<'_, 's> {
    fn peek(&self) -> Option<&Tok<'s>> {
        (self.pos < self.limit).then(|| &self.toks[self.pos])
    }

    fn peek_op(&self) -> Option<&'s str> {
        self.peek()
            .filter(|t| t.kind == TokKind::Op)
            .map(|t| t.text)
    }

    fn peek_keyword(&self) -> Option<&'s str> {
        self.peek()
            .filter(|t| t.kind == TokKind::Name && KEYWORDS.contains(&t.text))
            .map(|t| t.text)
    }

    fn at_atom_keyword(&self) -> bool {
        matches!(self.peek_keyword(), Some("True" | "False" | "None"))
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.peek_op() == Some(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        if self.peek_keyword() == Some(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// A node made of the tokens from `first` to the last one consumed
    /// (the PEG actions' `EXTRA`).
    fn span(&self, first: usize, kind: Kind) -> Node {
        Node {
            start: self.toks[first].start,
            end: self.toks[self.pos - 1].end,
            kind,
        }
    }

    /// `star_expressions`: a tuple when there is a top-level comma.
    fn star_expressions(&mut self) -> Option<Node> {
        let first = self.pos;
        let node = self.star_expression()?;
        if !self.eat_op(",") {
            return Some(node);
        }
        while self.peek().is_some() && self.peek_op() != Some(";") {
            self.star_expression()?;
            if !self.eat_op(",") {
                break;
            }
        }
        Some(self.span(first, Kind::Other))
    }

    fn star_expression(&mut self) -> Option<Node> {
        let first = self.pos;
        if self.eat_op("*") {
            self.bitwise_or()?;
            return Some(self.span(first, Kind::Other));
        }
        self.expression()
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    fn expression(&mut self) -> Option<Node> {
        let first = self.pos;
        if self.eat_keyword("lambda") {
            self.skip_to_top_level(":")?;
            self.pos += 1;
            self.expression()?;
            return Some(self.span(first, Kind::Other));
        }
        let node = self.disjunction()?;
        if self.eat_keyword("if") {
            self.disjunction()?;
            if !self.eat_keyword("else") {
                return None;
            }
            self.expression()?;
            return Some(self.span(first, Kind::Other));
        }
        Some(node)
    }

    /// Moves to the next `op` outside brackets (a lambda's colon).
    fn skip_to_top_level(&mut self, op: &str) -> Option<()> {
        while let Some(t) = self.peek() {
            if t.kind == TokKind::Op && t.text == op {
                return Some(());
            }
            if t.kind == TokKind::Op && matches!(t.text, "(" | "[" | "{") {
                self.pos = self.matching_close(self.pos)?;
            }
            self.pos += 1;
        }
        None
    }

    fn disjunction(&mut self) -> Option<Node> {
        self.bool_chain("or", Self::conjunction)
    }

    fn conjunction(&mut self) -> Option<Node> {
        self.bool_chain("and", Self::inversion)
    }

    fn bool_chain(&mut self, kw: &str, operand: fn(&mut Self) -> Option<Node>) -> Option<Node> {
        let first = self.pos;
        let node = operand(self)?;
        if self.peek_keyword() != Some(kw) {
            return Some(node);
        }
        while self.eat_keyword(kw) {
            operand(self)?;
        }
        Some(self.span(first, Kind::Other))
    }

    fn inversion(&mut self) -> Option<Node> {
        let first = self.pos;
        if self.eat_keyword("not") {
            self.inversion()?;
            return Some(self.span(first, Kind::Other));
        }
        self.comparison()
    }

    fn eat_comparison_op(&mut self) -> bool {
        if let Some("<" | ">" | "==" | ">=" | "<=" | "!=") = self.peek_op() {
            self.pos += 1;
            return true;
        }
        if self.eat_keyword("in") {
            return true;
        }
        if self.eat_keyword("is") {
            self.eat_keyword("not");
            return true;
        }
        if self.peek_keyword() == Some("not")
            && self.toks.get(self.pos + 1).map(|t| t.text) == Some("in")
            && self.pos + 1 < self.limit
        {
            self.pos += 2;
            return true;
        }
        false
    }

    fn comparison(&mut self) -> Option<Node> {
        let first = self.pos;
        let node = self.bitwise_or()?;
        let mut compared = false;
        while self.eat_comparison_op() {
            self.bitwise_or()?;
            compared = true;
        }
        Some(if compared {
            self.span(first, Kind::Other)
        } else {
            node
        })
    }

    /// One left-associative level of binary operators.
    fn binary_level(
        &mut self,
        ops: &[&str],
        operand: fn(&mut Self) -> Option<Node>,
    ) -> Option<Node> {
        let first = self.pos;
        let mut left = operand(self)?;
        while let Some(op) = self.peek_op() {
            if !ops.contains(&op) {
                break;
            }
            self.pos += 1;
            let right = operand(self)?;
            left = self.span(
                first,
                Kind::BinOp {
                    left_end: left.end,
                    right_start: right.start,
                },
            );
        }
        Some(left)
    }

    fn bitwise_or(&mut self) -> Option<Node> {
        self.binary_level(&["|"], Self::bitwise_xor)
    }

    fn bitwise_xor(&mut self) -> Option<Node> {
        self.binary_level(&["^"], Self::bitwise_and)
    }

    fn bitwise_and(&mut self) -> Option<Node> {
        self.binary_level(&["&"], Self::shift_expr)
    }

    fn shift_expr(&mut self) -> Option<Node> {
        self.binary_level(&["<<", ">>"], Self::sum)
    }

    fn sum(&mut self) -> Option<Node> {
        self.binary_level(&["+", "-"], Self::term)
    }

    fn term(&mut self) -> Option<Node> {
        self.binary_level(&["*", "/", "//", "%", "@"], Self::factor)
    }

    fn factor(&mut self) -> Option<Node> {
        let first = self.pos;
        if let Some("+" | "-" | "~") = self.peek_op() {
            self.pos += 1;
            self.factor()?;
            return Some(self.span(first, Kind::Other));
        }
        self.power()
    }

    /// `power: await_primary '**' factor`: right-associative through
    /// `factor`.
    fn power(&mut self) -> Option<Node> {
        let first = self.pos;
        let left = self.await_primary()?;
        if !self.eat_op("**") {
            return Some(left);
        }
        let right = self.factor()?;
        Some(self.span(
            first,
            Kind::BinOp {
                left_end: left.end,
                right_start: right.start,
            },
        ))
    }

    fn await_primary(&mut self) -> Option<Node> {
        let first = self.pos;
        if self.eat_keyword("await") {
            self.primary()?;
            return Some(self.span(first, Kind::Other));
        }
        self.primary()
    }

    /// An atom and its trailers: `.name`, `(args)`, `[slices]`.
    fn primary(&mut self) -> Option<Node> {
        let first = self.pos;
        let mut node = self.atom()?;
        loop {
            match self.peek_op() {
                Some(".") => {
                    self.pos += 1;
                    let name = self.peek().filter(|t| t.kind == TokKind::Name)?;
                    if KEYWORDS.contains(&name.text) {
                        return None;
                    }
                    self.pos += 1;
                    node = self.span(first, Kind::Other);
                }
                Some("(") => {
                    self.pos = self.matching_close(self.pos)? + 1;
                    node = self.span(first, Kind::Other);
                }
                Some("[") => {
                    let close = self.matching_close(self.pos)?;
                    if close == self.pos + 1 {
                        return None;
                    }
                    let slice_end = self.toks[close - 1].end;
                    self.pos = close + 1;
                    node = self.span(
                        first,
                        Kind::Subscript {
                            value_end: node.end,
                            slice_end,
                        },
                    );
                }
                _ => return Some(node),
            }
        }
    }

    /// The index of the bracket closing the one at `open`.
    fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (i, t) in self.toks[..self.limit].iter().enumerate().skip(open) {
            if t.kind != TokKind::Op {
                continue;
            }
            match t.text {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => {
                    depth -= 1;
                    if depth == 0 {
                        let pair = (self.toks[open].text, t.text);
                        return matches!(pair, ("(", ")") | ("[", "]") | ("{", "}")).then_some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn atom(&mut self) -> Option<Node> {
        let first = self.pos;
        let t = *self.peek()?;
        match t.kind {
            TokKind::Name => {
                if KEYWORDS.contains(&t.text) && !self.at_atom_keyword() {
                    return None;
                }
                self.pos += 1;
            }
            TokKind::Number => self.pos += 1,
            TokKind::Str => {
                // Adjacent literals are one node.
                while self.peek().is_some_and(|t| t.kind == TokKind::Str) {
                    self.pos += 1;
                }
            }
            TokKind::Op => match t.text {
                "..." => self.pos += 1,
                "[" | "{" => self.pos = self.matching_close(self.pos)? + 1,
                "(" => return self.parenthesized(),
                _ => return None,
            },
        }
        Some(self.span(first, Kind::Other))
    }

    /// `( ... )`: a tuple or a generator expression spans its parentheses;
    /// a group is the node inside them (`group: '(' a=... ')' { a }`).
    fn parenthesized(&mut self) -> Option<Node> {
        let open = self.pos;
        let close = self.matching_close(open)?;
        let inner = Parser {
            toks: self.toks,
            pos: open + 1,
            limit: close,
        };
        self.pos = close + 1;
        let whole = self.span(open, Kind::Other);
        if close == open + 1 || inner.has_top_level(",") || inner.has_top_level_keyword("for") {
            return Some(whole);
        }
        let inner_span = Node {
            start: self.toks[open + 1].start,
            end: self.toks[close - 1].end,
            kind: Kind::Other,
        };
        if inner.peek_keyword() == Some("yield") || inner.has_top_level(":=") {
            return Some(inner_span);
        }
        let mut inner = inner;
        let node = inner.expression()?;
        (inner.pos == inner.limit).then_some(node)
    }

    fn top_level_tokens(&self) -> impl Iterator<Item = &Tok<'s>> {
        let mut depth = 0i32;
        self.toks[self.pos..self.limit].iter().filter(move |t| {
            if t.kind == TokKind::Op {
                match t.text {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    _ => {}
                }
            }
            depth == 0
        })
    }

    fn has_top_level(&self, op: &str) -> bool {
        self.top_level_tokens()
            .any(|t| t.kind == TokKind::Op && t.text == op)
    }

    fn has_top_level_keyword(&self, kw: &str) -> bool {
        self.top_level_tokens()
            .any(|t| t.kind == TokKind::Name && t.text == kw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binop(left_end: usize, right_start: usize) -> Option<TopNode> {
        Some(TopNode::BinOp {
            left_end,
            right_start,
        })
    }

    fn subscript(value_end: usize, slice_end: usize) -> Option<TopNode> {
        Some(TopNode::Subscript {
            value_end,
            slice_end,
        })
    }

    #[test]
    fn binary_operations_split_at_the_loosest_operator() {
        assert_eq!(top_node("a + b"), binop(1, 4));
        assert_eq!(top_node("a + b * c"), binop(1, 4));
        assert_eq!(top_node("a * b + c"), binop(5, 8));
        assert_eq!(top_node("a - b - c"), binop(5, 8));
        assert_eq!(top_node("a ** b ** c"), binop(1, 5));
        assert_eq!(top_node("-a + b"), binop(2, 5));
        assert_eq!(top_node("await a + b"), binop(7, 10));
        assert_eq!(top_node("a | b & c"), binop(1, 4));
    }

    #[test]
    fn groups_are_their_inner_node_but_tuples_keep_the_parentheses() {
        assert_eq!(top_node("(a) + (b)"), binop(2, 7));
        assert_eq!(top_node("((a)) // b"), binop(3, 9));
        assert_eq!(top_node("(a, b) + c"), binop(6, 9));
        assert_eq!(top_node("(a).b + c"), binop(5, 8));
        assert_eq!(top_node("(x for x in y) + c"), binop(14, 17));
        assert_eq!(top_node("(a + b)"), binop(2, 5));
    }

    #[test]
    fn subscripts() {
        assert_eq!(top_node("d['k']"), subscript(1, 5));
        assert_eq!(top_node("a[1][2:3]"), subscript(4, 8));
        assert_eq!(top_node("f(x)[i, j]"), subscript(4, 9));
        assert_eq!(top_node("'[]'[5]"), subscript(4, 6));
    }

    #[test]
    fn other_nodes_have_no_anchors() {
        for s in [
            "a < b",
            "-a ** b",
            "not a + b",
            "a + b if c else d",
            "lambda: a + b",
            "a, b + c",
            "x = a + b",
            "x += 1",
            "a.b",
            "f(a + b)",
            "return a + b",
            "a + b; c",
            "a +",
            "x[1].y",
            "*a + b",
            "yield a + b",
            "a if b",
        ] {
            assert_eq!(top_node(s), None, "{s}");
        }
    }

    #[test]
    fn tokens_inside_literals_do_not_count() {
        assert_eq!(top_node("'a + b'"), None);
        assert_eq!(top_node("f'{a}' + rb\"x\""), binop(6, 9));
        assert_eq!(top_node("1e-5 + 0x1f"), binop(4, 7));
        assert_eq!(top_node("'日本' + x"), binop(8, 11));
    }
}
