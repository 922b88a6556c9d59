//! QR codes for printed checklists: the share link as an SVG path, so a printed page reopens the
//! same answers on a phone.
//!
//! Plain Rust: the UI puts the path in an inline `<svg viewBox="0 0 n n">`. Coordinates are in
//! modules, with the 4-module quiet zone the QR standard asks for already included.

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the symbol, in modules, on each side.
pub const QUIET_ZONE: u32 = 4;

/// The QR code of `text` (error correction level M) as `(n, d)`: the symbol is `n` by `n`
/// modules including the quiet zone, and `d` is an SVG path that fills every dark module, one
/// subpath per horizontal run of dark modules (`M x y h len v1 h -len z`). `None` when the text
/// does not fit in a QR code.
pub fn qr_svg_path(text: &str) -> Option<(u32, String)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let q = QUIET_ZONE as i32;
            d.push_str(&format!("M{} {}h{run}v1h-{run}z", start + q, y + q));
        }
    }
    let n = u32::try_from(size).ok()? + 2 * QUIET_ZONE;
    Some((n, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/expat/#/share?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";

    /// The dark modules a path draws, read back from its `M x y h len v1 h -len z` subpaths.
    fn dark_modules(n: u32, d: &str) -> Vec<Vec<bool>> {
        let mut grid = vec![vec![false; n as usize]; n as usize];
        for sub in d.split('M').filter(|s| !s.is_empty()) {
            let sub = sub.strip_suffix('z').expect("each subpath is closed");
            let (xy, rest) = sub.split_once('h').expect("a run");
            let (x, y) = xy.split_once(' ').expect("x y");
            let (len, tail) = rest.split_once('v').expect("one module high");
            assert_eq!(tail, format!("1h-{len}"));
            let (x, y, len): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), len.parse().unwrap());
            assert!(len > 0);
            for cell in &mut grid[y][x..x + len] {
                assert!(!*cell, "runs do not overlap");
                *cell = true;
            }
        }
        grid
    }

    #[test]
    fn a_share_link_gives_a_version_7_symbol_with_its_quiet_zone() {
        assert_eq!(URL.len(), 113);
        // 113 bytes at level M need version 7: 45 modules, plus 4 of quiet zone on each side.
        let (n, d) = qr_svg_path(URL).expect("a share link fits");
        assert_eq!(n, 45 + 8);
        let qr = QrCode::encode_text(URL, QrCodeEcc::Medium).unwrap();
        let grid = dark_modules(n, &d);
        for (y, row) in grid.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                let (qx, qy) = (x as i32 - 4, y as i32 - 4);
                let inside = (0..45).contains(&qx) && (0..45).contains(&qy);
                let expected = inside && qr.get_module(qx, qy);
                assert_eq!(dark, expected, "module ({x}, {y})");
            }
        }
    }

    #[test]
    fn the_quiet_zone_is_light_and_the_finder_patterns_are_in_place() {
        let (n, d) = qr_svg_path("https://example.org/").unwrap();
        let grid = dark_modules(n, &d);
        let q = QUIET_ZONE as usize;
        let n = n as usize;
        for (y, row) in grid.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                if x < q || y < q || x >= n - q || y >= n - q {
                    assert!(!dark, "quiet zone module ({x}, {y}) is dark");
                }
            }
        }
        // The top-left finder pattern: a dark 7-module ring starting right after the quiet zone.
        assert!(grid[q][q..q + 7].iter().all(|&m| m));
        assert!(!grid[q + 1][q + 1]);
        assert!(grid[q + 2][q + 2..q + 5].iter().all(|&m| m));
    }

    #[test]
    fn runs_are_merged_so_the_path_is_compact() {
        let (n, d) = qr_svg_path(URL).unwrap();
        let dark: usize = dark_modules(n, &d).iter().flatten().filter(|&&m| m).count();
        let subpaths = d.matches('M').count();
        // One subpath per run of dark modules in a row, not one per module: about half as many.
        assert!(
            subpaths * 3 < dark * 2,
            "{subpaths} subpaths for {dark} dark modules"
        );
        assert!(d.len() < 8_000, "{} bytes", d.len());
        assert!(d.starts_with('M') && d.ends_with('z'));
    }

    #[test]
    fn a_text_too_long_for_any_qr_code_gives_none() {
        assert_eq!(qr_svg_path(&"x".repeat(5000)), None);
        // The largest binary capacity at level M is 2331 bytes.
        assert!(qr_svg_path(&"x".repeat(2331)).is_some());
        assert!(qr_svg_path(&"x".repeat(2332)).is_none());
    }
}
