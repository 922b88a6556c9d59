//! CSV as spreadsheets write and read it (RFC 4180): records whose quoted cells may hold the
//! separator, quotes and line breaks; and cells written for a spreadsheet so that it opens them
//! as text, never as a formula.

use std::ops::Range;

use rust_decimal::Decimal;

/// One record of the text, as [`records`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line it starts on, 1-based: a quoted line break inside it does not start a record.
    pub line: usize,
    /// Where it lies in the text, without its line ending.
    pub span: Range<usize>,
    pub cells: Vec<String>,
    /// Nothing but spaces or separators: not a row.
    pub blank: bool,
    /// A quote opened in it is never closed before the end of the text. Rather than take the
    /// whole rest of the text as one cell, it is read up to the end of its line.
    pub unclosed_quote: bool,
}

/// Reads CSV or tab-separated text into records. A cell that begins with `"` is quoted: it may
/// hold the separator, line breaks and `""` for a quote. Lines end with LF, CRLF or CR (a cell's
/// quoted line break is kept as LF).
pub fn records(text: &str, separator: char) -> Vec<Record> {
    let mut out = Vec::new();
    let (mut at, mut line) = (0, 1);
    while at < text.len() {
        let (read, unclosed_quote) = match read(text, at, separator, true) {
            Some(read) => (read, false),
            None => (
                read(text, at, separator, false).expect("reads to a line end"),
                true,
            ),
        };
        let span = at..read.end;
        out.push(Record {
            line,
            blank: text[span.clone()].trim().is_empty(),
            span,
            cells: read.cells,
            unclosed_quote,
        });
        line += read.breaks + 1;
        at = read.next;
    }
    out
}

struct Read {
    cells: Vec<String>,
    /// Where the record's content ends, and where the next record starts.
    end: usize,
    next: usize,
    /// Line breaks inside quoted cells.
    breaks: usize,
}

/// The record starting at byte `start`. With `multiline`, a quoted cell may hold line breaks,
/// and `None` says a quote is still open at the end of the text; without it, every line break
/// ends the record.
fn read(text: &str, start: usize, separator: char, multiline: bool) -> Option<Read> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut breaks = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cell = cells.last_mut().expect("one cell at least");
        match c {
            '"' if quoted => {
                if chars.next_if(|&(_, c)| c == '"').is_some() {
                    cell.push('"');
                } else {
                    quoted = false;
                }
            }
            // A quote opens a cell only at its start (spaces before it are allowed).
            '"' if cell.trim().is_empty() => quoted = true,
            '\r' | '\n' => {
                let crlf = c == '\r' && chars.next_if(|&(_, c)| c == '\n').is_some();
                if quoted && multiline {
                    cell.push('\n');
                    breaks += 1;
                } else {
                    let end = start + i;
                    let next = end + if crlf { 2 } else { 1 };
                    return Some(Read {
                        cells,
                        end,
                        next,
                        breaks,
                    });
                }
            }
            c if c == separator && !quoted => cells.push(String::new()),
            c => cell.push(c),
        }
    }
    (!(quoted && multiline)).then_some(Read {
        cells,
        end: text.len(),
        next: text.len(),
        breaks,
    })
}

/// What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell of a CSV made for a spreadsheet: always quoted, and, when it starts like a
/// formula (`=`, `+`, `-`, `@`, a tab or a carriage return), with a `'` before it, so the
/// spreadsheet shows it as text instead of running it (as OWASP recommends against CSV
/// injection). Every text of a CSV the app writes for spreadsheets goes through here.
pub fn cell(value: &str) -> String {
    let guard = if value.starts_with(FORMULA_STARTS) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", value.replace('"', "\"\""))
}

/// A number the app computed, written as it is. Why not through [`cell`]: a number's text is
/// only digits, a point and a leading minus, never a formula, and a negative number given a `'`
/// would reach the spreadsheet as text that no sum adds up. (The app writes no negative number
/// today; this keeps one readable if it ever does.)
pub fn number(value: impl Into<Decimal>) -> String {
    value.into().to_string()
}

/// A cell of text the app reads back itself (a roster's own text, not a file for a
/// spreadsheet): quoted only when it must be (it holds the separator, a quote or a line break),
/// and otherwise exactly as given. Not neutralised: a `'` added here would become part of the
/// value the next time the app reads the text.
pub fn plain_cell(value: &str, separator: char) -> String {
    if value.contains([separator, '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// One line of a CSV for a spreadsheet: the cells (from [`cell`] and [`number`]) between
/// commas, ended by CRLF.
pub fn line(cells: &[String]) -> String {
    let mut out = cells.join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, separator: char) -> Vec<(usize, Vec<String>)> {
        records(text, separator)
            .into_iter()
            .filter(|r| !r.blank)
            .map(|r| (r.line, r.cells))
            .collect()
    }

    fn owned(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn a_cell_that_starts_like_a_formula_is_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\""
        );
        assert_eq!(cell("+1+1"), "\"'+1+1\"");
        assert_eq!(cell("-2+3"), "\"'-2+3\"");
        assert_eq!(cell("@SUM(A1:A2)"), "\"'@SUM(A1:A2)\"");
        assert_eq!(cell("\t=1+1"), "\"'\t=1+1\"");
        assert_eq!(cell("\r=1+1"), "\"'\r=1+1\"");
        // Anything else is only quoted.
        assert_eq!(cell("Aigerim \"Aika\""), "\"Aigerim \"\"Aika\"\"\"");
        assert_eq!(cell("a=b, c"), "\"a=b, c\"");
        assert_eq!(cell(""), "\"\"");
    }

    #[test]
    fn numbers_stay_numbers_and_a_line_ends_in_crlf() {
        assert_eq!(number(Decimal::new(-2500, 2)), "-25.00");
        assert_eq!(number(3_u32), "3");
        assert_eq!(
            line(&[number(2_usize), cell("=1"), cell("x")]),
            "2,\"'=1\",\"x\"\r\n"
        );
    }

    #[test]
    fn the_app_s_own_text_is_quoted_only_when_it_must_be_and_reads_back_the_same() {
        for value in [
            "=1+1",
            "-2",
            "@x",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "plain",
        ] {
            let written = plain_cell(value, ',');
            assert_eq!(cells(&format!("{written},end"), ',')[0].1, [value, "end"]);
        }
        assert_eq!(plain_cell("=1+1", ','), "=1+1");
        assert_eq!(plain_cell("a\tb", '\t'), "\"a\tb\"");
    }

    #[test]
    fn a_quoted_line_break_stays_in_its_cell_and_lines_are_counted() {
        let text =
            "label,need\n\"Aigerim\nSeitkali\",work\nBolat,work\n\n\"A \"\"B\"\"\n\nC\",x\nD,y";
        assert_eq!(
            cells(text, ','),
            [
                (1, owned(&["label", "need"])),
                (2, owned(&["Aigerim\nSeitkali", "work"])),
                (4, owned(&["Bolat", "work"])),
                (6, owned(&["A \"B\"\n\nC", "x"])),
                (9, owned(&["D", "y"])),
            ]
        );
    }

    #[test]
    fn crlf_and_cr_end_lines_and_a_quoted_crlf_is_one_break() {
        let text = "a;b\r\n\"1\r\n2\";3\r\n\r\n4;\"5\"\r\n";
        assert_eq!(
            cells(text, ';'),
            [
                (1, owned(&["a", "b"])),
                (2, owned(&["1\n2", "3"])),
                (5, owned(&["4", "5"])),
            ]
        );
        let records = records(text, ';');
        assert_eq!(&text[records[1].span.clone()], "\"1\r\n2\";3");
        // Old Mac line endings.
        assert_eq!(
            cells("a\rb\r", ','),
            [(1, owned(&["a"])), (2, owned(&["b"]))]
        );
    }

    #[test]
    fn tab_separated_text_from_a_spreadsheet_quotes_cells_with_line_breaks() {
        let text = "label\tneed\n\"Aigerim\nSeitkali\"\twork\n\"say \"\"hi\"\"\"\t\"a\tb\"";
        assert_eq!(
            cells(text, '\t'),
            [
                (1, owned(&["label", "need"])),
                (2, owned(&["Aigerim\nSeitkali", "work"])),
                (4, owned(&["say \"hi\"", "a\tb"])),
            ]
        );
    }

    #[test]
    fn a_quote_never_closed_is_read_to_the_end_of_its_line() {
        let records = records("a,b\n\"x,y\nc,d\n", ',');
        assert_eq!(records.len(), 3);
        assert!(records[1].unclosed_quote);
        assert_eq!((records[1].line, &records[1].cells), (2, &owned(&["x,y"])));
        assert_eq!(
            (records[2].line, &records[2].cells),
            (3, &owned(&["c", "d"]))
        );
        assert!(!records[2].unclosed_quote);
    }

    #[test]
    fn a_quote_inside_a_cell_is_kept_as_it_is() {
        assert_eq!(
            cells("5\" disk,\"x\"y", ','),
            [(1, owned(&["5\" disk", "xy"]))]
        );
    }
}
