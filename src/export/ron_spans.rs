//! Where a value sits in a RON text: a small, lenient scanner that finds the line and column of a path such as
//! `plan.weeks[2].days[0].exercises[1].sets`, so import problems found after parsing can name their line.
//!
//! It only runs on text that `ron` has already parsed; on anything unexpected it stops and returns what it found
//! so far (the enclosing value's position), never panicking.

/// One step of a path into the value tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A struct field by name.
    Field(&'a str),
    /// The n-th element of a list (or tuple).
    Index(usize),
}

/// A value and where it starts (byte offset into the text).
#[derive(Debug)]
struct Node {
    start: usize,
    /// Written with a name before its bracket, like `Some(..)` or `Tempo(..)`.
    named: bool,
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    key: Option<String>,
    value: Node,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Open(u8),
    Close,
    Colon,
    Comma,
    /// An identifier, number or other bare word; `(start, end)`.
    Word(usize, usize),
    /// A string or character literal.
    Literal,
}

/// The text as tokens with their starting byte offsets.
fn tokenize(text: &str) -> Vec<(usize, Tok)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 1usize;
                i += 2;
                while i < bytes.len() && depth > 0 {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' | b'\'' => {
                out.push((i, Tok::Literal));
                i = skip_quoted(bytes, i);
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                out.push((i, Tok::Literal));
                i = skip_raw_string(bytes, i + 1);
            }
            b'b' if bytes.get(i + 1) == Some(&b'"') => {
                out.push((i, Tok::Literal));
                i = skip_quoted(bytes, i + 1);
            }
            b'(' | b'[' | b'{' => {
                out.push((i, Tok::Open(b)));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((i, Tok::Close));
                i += 1;
            }
            b':' => {
                out.push((i, Tok::Colon));
                i += 1;
            }
            b',' => {
                out.push((i, Tok::Comma));
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < bytes.len() && is_word_byte(bytes[i]) {
                    i += 1;
                }
                if i == start {
                    // A byte that is no part of RON's syntax (or a multi-byte character): skip it.
                    i += 1;
                } else {
                    out.push((start, Tok::Word(start, i)));
                }
            }
        }
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-' | b'#')
}

/// The index after a quoted literal starting at `open` (the quote).
fn skip_quoted(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The index after a raw string whose `#`s or quote start at `at`.
fn skip_raw_string(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<(usize, Tok)>,
    at: usize,
    /// Nesting depth, bounded so a hostile file cannot exhaust the stack.
    depth: usize,
}

const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn peek(&self, ahead: usize) -> Option<(usize, Tok)> {
        self.tokens.get(self.at + ahead).copied()
    }

    fn value(&mut self) -> Option<Node> {
        let (start, tok) = self.peek(0)?;
        match tok {
            Tok::Word(..) => {
                self.at += 1;
                if let Some((_, Tok::Open(_))) = self.peek(0) {
                    let mut node = self.group()?;
                    node.start = start;
                    node.named = true;
                    Some(node)
                } else {
                    Some(Node {
                        start,
                        named: false,
                        entries: Vec::new(),
                    })
                }
            }
            Tok::Literal => {
                self.at += 1;
                Some(Node {
                    start,
                    named: false,
                    entries: Vec::new(),
                })
            }
            Tok::Open(_) => self.group(),
            Tok::Close | Tok::Colon | Tok::Comma => None,
        }
    }

    /// A bracketed group; the current token is its opening bracket.
    fn group(&mut self) -> Option<Node> {
        let (start, _) = self.peek(0)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut entries = Vec::new();
        loop {
            match self.peek(0)? {
                (_, Tok::Close) => {
                    self.at += 1;
                    break;
                }
                (_, Tok::Comma) => self.at += 1,
                (_, Tok::Word(a, b)) if matches!(self.peek(1), Some((_, Tok::Colon))) => {
                    self.at += 2;
                    let key = self.text.get(a..b).unwrap_or_default().to_owned();
                    let value = self.value()?;
                    entries.push(Entry {
                        key: Some(key),
                        value,
                    });
                }
                _ => {
                    let value = self.value()?;
                    if let Some((_, Tok::Colon)) = self.peek(0) {
                        // A map entry `key: value`; keep the value, positioned at its key.
                        self.at += 1;
                        let mut mapped = self.value()?;
                        mapped.start = value.start;
                        entries.push(Entry {
                            key: None,
                            value: mapped,
                        });
                    } else {
                        entries.push(Entry { key: None, value });
                    }
                }
            }
        }
        self.depth -= 1;
        Some(Node {
            start,
            named: false,
            entries,
        })
    }
}

/// A text's value tree, scanned once and asked many times.
pub struct Spans<'t> {
    text: &'t str,
    root: Option<Node>,
}

impl<'t> Spans<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut parser = Parser {
            text,
            tokens: tokenize(text),
            at: 0,
            depth: 0,
        };
        let root = parser.value();
        Self { text, root }
    }

    /// The byte offset of the value at `path`, or of the deepest part of the path that exists.
    pub fn offset_of(&self, path: &[Seg<'_>]) -> Option<usize> {
        let mut node = self.root.as_ref()?;
        for seg in path {
            let next = match *seg {
                Seg::Field(name) => find_field(node, name),
                Seg::Index(i) => unwrap_some(node).entries.get(i).map(|e| &e.value),
            };
            match next {
                Some(found) => node = found,
                None => break,
            }
        }
        Some(node.start)
    }

    /// The byte offset of the value at `path`, or `None` when any part of the path is missing.
    pub fn value_offset(&self, path: &[Seg<'_>]) -> Option<usize> {
        let mut node = self.root.as_ref()?;
        for seg in path {
            node = match *seg {
                Seg::Field(name) => find_field(node, name)?,
                Seg::Index(i) => &unwrap_some(node).entries.get(i)?.value,
            };
        }
        Some(node.start)
    }

    /// Line and column of the value at `path` (or of the deepest part that exists).
    pub fn position_of(&self, path: &[Seg<'_>]) -> Option<(usize, usize)> {
        self.offset_of(path)
            .map(|offset| line_col(self.text, offset))
    }
}

/// The byte offset of the value at `path` in `text`, or of the deepest part of the path that exists.
#[cfg(test)]
fn offset_of(text: &str, path: &[Seg<'_>]) -> Option<usize> {
    Spans::new(text).offset_of(path)
}

fn find_field<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    let inner = unwrap_some(node);
    inner
        .entries
        .iter()
        .find(|e| e.key.as_deref() == Some(name))
        .map(|e| &e.value)
}

/// `Some(x)` (a group of one unnamed entry) stands for `x`.
fn unwrap_some(node: &Node) -> &Node {
    match node.entries.as_slice() {
        [only] if node.named && only.key.is_none() => &only.value,
        _ => node,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before
        .get(line_start..)
        .map_or(1, |s| s.chars().count() + 1);
    (line, column)
}

/// Line and column of the value at `path`.
#[cfg(test)]
fn position_of(text: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    Spans::new(text).position_of(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "// comment with ( and \"\n(\n  a: 1,\n  b: [\n    (x: \"s)\", y: Some((z: 3))),\n    (x: r#\"q\"#, y: None),\n  ],\n  c: {\"k\": 5},\n)\n";

    #[test]
    fn finds_fields_and_list_elements() {
        assert_eq!(position_of(TEXT, &[Seg::Field("a")]), Some((3, 6)));
        assert_eq!(position_of(TEXT, &[Seg::Field("b")]), Some((4, 6)));
        assert_eq!(
            position_of(TEXT, &[Seg::Field("b"), Seg::Index(1), Seg::Field("x")]),
            Some((6, 9))
        );
        assert_eq!(
            position_of(
                TEXT,
                &[
                    Seg::Field("b"),
                    Seg::Index(0),
                    Seg::Field("y"),
                    Seg::Field("z")
                ]
            ),
            Some((5, 27))
        );
        assert_eq!(
            position_of(TEXT, &[Seg::Field("c"), Seg::Index(0)]),
            Some((8, 7))
        );
        // A one-element list is not mistaken for `Some(..)`.
        let one = "(l: [(v: 1)])";
        assert_eq!(
            offset_of(one, &[Seg::Field("l"), Seg::Index(0), Seg::Field("v")]),
            Some(9)
        );
    }

    #[test]
    fn missing_parts_give_the_deepest_found() {
        assert_eq!(
            position_of(TEXT, &[Seg::Field("b"), Seg::Index(7), Seg::Field("x")]),
            Some((4, 6))
        );
        assert_eq!(position_of(TEXT, &[Seg::Field("nope")]), Some((2, 1)));
    }

    #[test]
    fn never_panics_on_junk() {
        for junk in [
            "", "(", ")", "((((", "\"", "r#\"", "/*", "a: b: c", "é(ü: [", "[,,:]",
        ] {
            let _ = position_of(junk, &[Seg::Field("a"), Seg::Index(3)]);
        }
        let deep = "(".repeat(10_000);
        let _ = position_of(&deep, &[Seg::Index(0)]);
    }
}
