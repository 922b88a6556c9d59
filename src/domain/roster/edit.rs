//! Editing a roster in the page: one row's cells read from the text and written back, every
//! other line of the text left exactly as it was (the text is what is kept and shared).

use super::{TEMPLATE, csv, records};

/// The header's cells and the separator the text uses (a tab for an empty text).
pub fn header(text: &str) -> (Vec<String>, char) {
    let (separator, records) = records(text);
    match records.into_iter().find(|r| !r.blank) {
        Some(header) => (header.cells, separator),
        None => (records_of(TEMPLATE).remove(0).cells, '\t'),
    }
}

/// The cells of the row starting at line `line` (1-based, as problems number them), as many as
/// the header has.
pub fn row_cells(text: &str, line: usize) -> Vec<String> {
    let (header, _) = header(text);
    let mut cells = records(text)
        .1
        .into_iter()
        .find(|r| r.line == line)
        .map(|r| r.cells)
        .unwrap_or_default();
    cells.resize(header.len().max(cells.len()), String::new());
    cells
}

/// The text with the row starting at line `line` holding `cells`, or with a new row at the end
/// (`None`, or no row starts there; an empty text gets the template's header first). Gives the
/// text and the line the row starts on.
pub fn set_row(text: &str, line: Option<usize>, cells: &[String]) -> (String, usize) {
    let (separator, records) = records(text);
    // The roster's own text, read back by this app: quoted where needed, never neutralised.
    let written = cells
        .iter()
        .map(|c| csv::plain_cell(c, separator))
        .collect::<Vec<_>>()
        .join(&separator.to_string());
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &text[bom.len()..];
    let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
    if let Some(record) = line.and_then(|n| records.iter().find(|r| r.line == n)) {
        let span = &record.span;
        let out = format!("{bom}{}{written}{}", &body[..span.start], &body[span.end..]);
        return (out, record.line);
    }
    let mut out = String::from(text);
    if body.trim().is_empty() {
        out = format!("{bom}{}", TEMPLATE.lines().next().unwrap_or_default());
        out.push_str(newline);
    } else if !body.ends_with(['\n', '\r']) {
        out.push_str(newline);
    }
    out.push_str(&written);
    out.push_str(newline);
    let number = records_of(&out).last().map_or(1, |r| r.line);
    (out, number)
}

fn records_of(text: &str) -> Vec<csv::Record> {
    records(text).1
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

    #[test]
    fn a_row_over_several_lines_is_edited_whole_and_the_lines_after_it_keep_their_numbers() {
        let text = "label,need\n\"Aigerim\nSeitkali\",work\nBolat,work\n";
        assert_eq!(row_cells(text, 2), ["Aigerim\nSeitkali", "work"]);
        assert_eq!(row_cells(text, 4), ["Bolat", "work"]);
        // Editing another cell keeps the line break, quoted.
        let (edited, line) = set_row(text, Some(2), &["Aigerim\nSeitkali".into(), "live".into()]);
        assert_eq!(line, 2);
        assert_eq!(
            edited,
            "label,need\n\"Aigerim\nSeitkali\",live\nBolat,work\n"
        );
        let (edited, line) = set_row(&edited, Some(2), &["Aigerim".into(), "live".into()]);
        assert_eq!(
            (edited.as_str(), line),
            ("label,need\nAigerim,live\nBolat,work\n", 2)
        );
        // A new row after a row over two lines gets the line it starts on.
        let (edited, line) = set_row(text, None, &["Chen".into(), "work".into()]);
        assert_eq!(line, 5);
        assert_eq!(parse(&edited).rows[2].line, 5);
    }

    #[test]
    fn the_roster_s_own_text_keeps_what_was_typed_even_when_it_looks_like_a_formula() {
        // Not a file for a spreadsheet: a `'` here would become part of the label.
        let (text, line) = set_row("label\tneed\n", None, &["=1+1".into(), "work".into()]);
        assert_eq!(text, "label\tneed\n=1+1\twork\n");
        assert_eq!(row_cells(&text, line), ["=1+1", "work"]);
        assert_eq!(parse(&text).rows[0].label, "=1+1");
    }
}
