//! The browser's print dialog.

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
