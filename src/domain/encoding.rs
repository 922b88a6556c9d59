//! A text file's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with its
//! byte-order mark, and otherwise Windows-1251, the encoding Excel uses for a CSV saved on a
//! Windows set up in Russian (or Kazakh). What cannot be text is said so, never shown as `�`.

/// How a file's bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Not UTF-8, so read as Windows-1251 (Cyrillic): a guess, which the user is told about.
    Windows1251,
}

/// The bytes are not text: a spreadsheet's own file (`.xlsx`, `.xls`), an image, or damaged
/// UTF-16.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotText;

/// The text of `bytes`, and how it was read. A byte-order mark is not part of the text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            String::from_utf8(rest.to_vec()).map_err(|_| NotText)?,
            Encoding::Utf8,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), Encoding::Utf8),
            Err(_) => (
                bytes.iter().map(|&b| windows_1251(b)).collect(),
                Encoding::Windows1251,
            ),
        }
    };
    // Control characters other than tab and line breaks (a NUL above all) mean binary data.
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(NotText);
    }
    Ok((text, encoding))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    if !bytes.len().is_multiple_of(2) {
        return Err(NotText);
    }
    char::decode_utf16(bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])))
        .collect::<Result<String, _>>()
        .map_err(|_| NotText)
}

/// Windows-1251 as the WHATWG Encoding Standard defines it: ASCII below 0x80, the Russian
/// alphabet from 0xC0 (А..я), and this table between (0x98, unassigned, is U+0098, a control
/// character, so such a file is not text).
fn windows_1251(byte: u8) -> char {
    const HIGH: [u16; 64] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, // 0x80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F, // 0x88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 0x90
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, // 0x98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, // 0xA0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, // 0xA8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, // 0xB0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, // 0xB8
    ];
    let code = match byte {
        0..=0x7F => u32::from(byte),
        0x80..=0xBF => u32::from(HIGH[usize::from(byte - 0x80)]),
        0xC0..=0xFF => 0x0410 + u32::from(byte - 0xC0),
    };
    char::from_u32(code).expect("every entry is a character")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_its_mark_is_read_as_it_is() {
        let text = "label\nАйгерім Сейітқали\n";
        assert_eq!(
            decode(text.as_bytes()),
            Ok((text.to_owned(), Encoding::Utf8))
        );
        let marked = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&marked), Ok((text.to_owned(), Encoding::Utf8)));
    }

    #[test]
    fn windows_1251_from_excel_in_russian_is_read_as_cyrillic() {
        // "label;need\nИванов Пётр;work\nАйгерім;«Ёлка» №1\n", as Excel writes it in
        // Windows-1251 (Kazakh і is in it; ә, ғ, қ, ң, ө, ұ, ү, һ are not).
        let bytes: Vec<u8> = [
            b"label;need\n".as_slice(),
            &[200, 226, 224, 237, 238, 226, 32, 207, 184, 242, 240],
            b";work\n",
            &[192, 233, 227, 229, 240, 179, 236],
            b";",
            &[171, 168, 235, 234, 224, 187, 32, 185],
            b"1\n",
        ]
        .concat();
        let (text, encoding) = decode(&bytes).unwrap();
        assert_eq!(encoding, Encoding::Windows1251);
        assert_eq!(text, "label;need\nИванов Пётр;work\nАйгерім;«Ёлка» №1\n");
        assert!(!text.contains('\u{FFFD}'));
        // Every Russian letter, upper and lower case.
        let alphabet: Vec<u8> = (0xC0..=0xFF).chain([0xA8, 0xB8]).collect();
        let (text, _) = decode(&alphabet).unwrap();
        assert_eq!(
            text,
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё"
        );
    }

    #[test]
    fn utf16_with_its_mark_is_read_in_either_byte_order() {
        let text = "label\tneed\nҚанат Әлиев 👩\twork\n";
        let units: Vec<u16> = text.encode_utf16().collect();
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le), Ok((text.to_owned(), Encoding::Utf16Le)));
        assert_eq!(decode(&be), Ok((text.to_owned(), Encoding::Utf16Be)));
        // An odd byte or a lone surrogate: damaged, not shown with `�`.
        assert_eq!(decode(&le[..le.len() - 1]), Err(NotText));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(NotText));
    }

    #[test]
    fn binary_files_are_not_text() {
        // The start of an .xlsx (a zip file), and a PNG.
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x06\x00"), Err(NotText));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Err(NotText));
        // A UTF-8 mark before bytes that are not UTF-8.
        assert_eq!(decode(b"\xEF\xBB\xBFlabel\n\xC8"), Err(NotText));
    }
}
