//! Pages kept between rebuilds by `serve`: a page is rendered again only when what it
//! shows changed. The key of a page hashes its template, path and typed view (through
//! serde, so every field counts) and everything the build shares (templates, UI
//! strings, site settings); a hit skips Tera and the minifier.

use rustc_hash::FxHasher;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Mutex;

/// Rendered pages by output path, with the key they were rendered for.
#[derive(Debug, Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, (u64, Vec<u8>)>>,
    /// QR codes by address: drawing one is the costliest part of a print sheet.
    qr: Mutex<HashMap<String, String>>,
}

impl PageCache {
    pub fn get(&self, path: &str, key: u64) -> Option<Vec<u8>> {
        let pages = self.pages.lock().ok()?;
        pages
            .get(path)
            .filter(|(k, _)| *k == key)
            .map(|(_, bytes)| bytes.clone())
    }

    pub fn qr(&self, url: &str) -> Option<String> {
        self.qr.lock().ok()?.get(url).cloned()
    }

    pub fn put_qr(&self, url: &str, svg: &str) {
        if let Ok(mut qr) = self.qr.lock() {
            qr.insert(url.to_string(), svg.to_string());
        }
    }

    pub fn put(&self, path: &str, key: u64, bytes: &[u8]) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.insert(path.to_string(), (key, bytes.to_vec()));
        }
    }
}

/// Feeds serialised bytes into a hasher without building the text.
struct HashWriter<'a>(&'a mut FxHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A 64-bit key for anything serialisable. A value that cannot be serialised gets a
/// key of its own that never matches, so it is always rendered.
pub fn key_of<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut hasher = FxHasher::default();
    match serde_json::to_writer(HashWriter(&mut hasher), value) {
        Ok(()) => hasher.finish(),
        Err(_) => u64::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_view_same_key_and_a_changed_field_changes_it() {
        assert_eq!(key_of(&("a", 1)), key_of(&("a", 1)));
        assert_ne!(key_of(&("a", 1)), key_of(&("a", 2)));
        let cache = PageCache::default();
        cache.put("jobs/a/index.html", 7, b"<p>x</p>");
        assert_eq!(
            cache.get("jobs/a/index.html", 7).as_deref(),
            Some(&b"<p>x</p>"[..])
        );
        assert_eq!(cache.get("jobs/a/index.html", 8), None);
    }
}
