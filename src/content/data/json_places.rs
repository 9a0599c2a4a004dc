//! Where the objects of a JSON file start: serde_json tells where the text is malformed,
//! but not where a well-formed entry with a missing field is. One pass over the text,
//! strings skipped, gives each object at a depth its line.

/// The 1-based line of every `{` that opens an object nested `depth` deep (1: the
/// elements of a top-level array; 2: those of an array inside a top-level object), in
/// order.
pub fn object_lines(text: &str, depth: usize) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut level, mut in_string, mut escaped) = (1, 0usize, false, false);
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if b == b'{' && level == depth {
                    lines.push(line);
                }
                level += 1;
            }
            b'}' | b']' => level = level.saturating_sub(1),
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_found_at_their_depth_and_strings_are_skipped() {
        let text =
            "[\n  {\"a\": \"{ not [ one\"},\n  {\"b\": {\"c\": 1}},\n\n  {\"d\": \"\\\"{\"}\n]";
        assert_eq!(object_lines(text, 1), [2, 3, 5]);
        assert_eq!(object_lines(text, 2), [3]);
        let topics = "{\n \"topics\": [\n  {\"labels\": {}},\n  {}\n ]\n}";
        assert_eq!(object_lines(topics, 2), [3, 4]);
    }
}
