//! Editing a roster in the page: one row's cells read from the text and written back, every
//! other line of the text left exactly as it was (the text is what is kept and shared).

use super::{TEMPLATE, separator_of, split};

/// The header's cells and the separator the text uses (a tab for an empty text).
pub fn header(text: &str) -> (Vec<String>, char) {
    match text_lines(text).find(|l| !l.trim().is_empty()) {
        Some(line) => {
            let separator = separator_of(line);
            (split(line, separator), separator)
        }
        None => {
            let line = TEMPLATE.lines().next().unwrap_or_default();
            (split(line, '\t'), '\t')
        }
    }
}

/// The cells of line `line` (1-based, as problems number them), as many as the header has.
pub fn row_cells(text: &str, line: usize) -> Vec<String> {
    let (header, separator) = header(text);
    let mut cells = text_lines(text)
        .nth(line.wrapping_sub(1))
        .map(|l| split(l, separator))
        .unwrap_or_default();
    cells.resize(header.len().max(cells.len()), String::new());
    cells
}

/// The text with line `line` holding `cells`, or with a new line at the end (`None`; an empty
/// text gets the template's header first). Gives the text and the line's number.
pub fn set_row(text: &str, line: Option<usize>, cells: &[String]) -> (String, usize) {
    let (_, separator) = header(text);
    let written = cells
        .iter()
        .map(|c| write_cell(c, separator))
        .collect::<Vec<_>>()
        .join(&separator.to_string());
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &text[bom.len()..];
    let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
    match line {
        Some(n) if n >= 1 && n <= body.lines().count() => {
            let mut out = String::from(bom);
            for (i, piece) in body.split_inclusive('\n').enumerate() {
                if i + 1 == n {
                    let ending = &piece[piece.trim_end_matches(['\r', '\n']).len()..];
                    out.push_str(&written);
                    out.push_str(ending);
                } else {
                    out.push_str(piece);
                }
            }
            (out, n)
        }
        _ => {
            let mut out = String::from(text);
            if body.trim().is_empty() {
                out = format!("{bom}{}", TEMPLATE.lines().next().unwrap_or_default());
                out.push_str(newline);
            } else if !body.ends_with('\n') {
                out.push_str(newline);
            }
            let number = out[bom.len()..].lines().count() + 1;
            out.push_str(&written);
            out.push_str(newline);
            (out, number)
        }
    }
}

/// The text's lines as the parser numbers them (a byte-order mark is not part of line 1).
fn text_lines(text: &str) -> std::str::Lines<'_> {
    text.strip_prefix('\u{feff}').unwrap_or(text).lines()
}

/// A cell quoted when it must be (it holds the separator or a quote); line breaks become spaces.
fn write_cell(cell: &str, separator: char) -> String {
    let cell = cell.replace(['\r', '\n'], " ");
    if cell.contains(separator) || cell.contains('"') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::parse;

    #[test]
    fn a_row_is_rewritten_in_place_and_the_rest_is_untouched() {
        let text = "label,need,where\r\nA,work,outside\r\n\r\nB,\"study, later\",inside\r\n";
        assert_eq!(row_cells(text, 4), ["B", "study, later", "inside"]);
        let cells = ["B \"Bee\"".to_owned(), "work".into(), "inside".into()];
        let (edited, line) = set_row(text, Some(4), &cells);
        assert_eq!(line, 4);
        assert_eq!(
            edited,
            "label,need,where\r\nA,work,outside\r\n\r\n\"B \"\"Bee\"\"\",work,inside\r\n"
        );
        let roster = parse(&edited);
        assert_eq!(roster.rows[1].line, 4);
        assert_eq!(roster.rows[1].label, "B \"Bee\"");
        // A cell holding the separator is quoted, and reads back the same.
        let (edited, _) = set_row(&edited, Some(2), &["A, junior".into(), "work".into()]);
        assert_eq!(row_cells(&edited, 2), ["A, junior", "work", ""]);
    }

    #[test]
    fn a_new_row_goes_at_the_end_and_an_empty_roster_gets_the_header() {
        let (text, line) = set_row("", None, &["Aigerim".into()]);
        assert_eq!(line, 2);
        assert!(text.starts_with("label\tneed\twhere"));
        assert!(text.ends_with("\nAigerim\n"));
        let (text, line) = set_row("label\tneed\nA\twork", None, &["B".into(), "work".into()]);
        assert_eq!(
            (text.as_str(), line),
            ("label\tneed\nA\twork\nB\twork\n", 3)
        );
        // A byte-order mark stays, and line numbers match the parser's.
        let (text, line) = set_row("\u{feff}label\nA\n", Some(2), &["Z".into()]);
        assert_eq!((text.as_str(), line), ("\u{feff}label\nZ\n", 2));
        assert_eq!(parse(&text).rows[0].label, "Z");
    }
}
