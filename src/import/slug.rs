//! Ids made from names: lowercase words joined by hyphens (`nato-allies`), as the format
//! recommends, and kept unique across actors, sources, periods and events, which share one
//! namespace.

use std::collections::HashSet;

/// Longest slug, in characters: long enough to tell headlines apart, short enough to type.
const MAX_SLUG_CHARS: usize = 48;

/// The words of `text`, lowercased and joined by hyphens; letters and digits of any script
/// are kept (`Ελλάδα` → `ελλάδα`), apostrophes dropped (`Bolton's` → `boltons`), anything
/// else separates words. Empty when `text` has no letters or digits.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | 'ʼ') {
            pending_hyphen = true;
        }
    }
    shorten(&slug)
}

/// `slug` cut to [`MAX_SLUG_CHARS`], at a hyphen where there is one.
fn shorten(slug: &str) -> String {
    if slug.chars().count() <= MAX_SLUG_CHARS {
        return slug.to_owned();
    }
    let cut: String = slug.chars().take(MAX_SLUG_CHARS).collect();
    if slug.chars().nth(MAX_SLUG_CHARS) == Some('-') {
        return cut;
    }
    match cut.rfind('-') {
        Some(hyphen) if hyphen > 0 => cut[..hyphen].to_owned(),
        _ => cut,
    }
}

/// The ids given out so far in one timeline.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// `base` if it is still free, else the first free of `base-2`, `base-3`, …
    pub fn fresh(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut suffix = 2_u64;
        while self.used.contains(&id) {
            id = format!("{base}-{suffix}");
            suffix += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(slug("NATO Allies"), "nato-allies");
        assert_eq!(
            slug("  The U.S. & NATO, 1949–2025!  "),
            "the-u-s-nato-1949-2025"
        );
        assert_eq!(slug("Bolton's memoir"), "boltons-memoir");
        assert_eq!(slug("Bolton’s memoir"), "boltons-memoir");
        assert_eq!(slug("Café Élysée"), "café-élysée");
        assert_eq!(slug("Ελλάδα"), "ελλάδα");
        assert_eq!(slug("event_7"), "event-7");
        assert_eq!(slug("--"), "");
        assert_eq!(slug(""), "");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let long =
            slug("The North Atlantic Treaty is signed in Washington by twelve founding members");
        assert_eq!(long, "the-north-atlantic-treaty-is-signed-in");
        assert!(long.chars().count() <= MAX_SLUG_CHARS);
        let whole_words = slug(&format!("{} {}", "a".repeat(MAX_SLUG_CHARS), "b"));
        assert_eq!(whole_words, "a".repeat(MAX_SLUG_CHARS));
        let one_word = slug(&"a".repeat(60));
        assert_eq!(one_word.chars().count(), MAX_SLUG_CHARS);
    }

    #[test]
    fn taken_ids_get_a_numbered_suffix() {
        let mut ids = Ids::default();
        assert_eq!(ids.fresh("summit"), "summit");
        assert_eq!(ids.fresh("summit"), "summit-2");
        assert_eq!(ids.fresh("summit"), "summit-3");
        assert_eq!(ids.fresh("summit-2"), "summit-2-2");
        assert_eq!(ids.fresh("other"), "other");
    }
}
