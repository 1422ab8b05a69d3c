//! "Did you mean …?": the closest known name to a misspelt one.

/// The candidate closest to `typed`, if one is close enough to be a likely typo.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| !candidate.is_empty())
        .map(|candidate| {
            let similarity = strsim::jaro_winkler(&typed_lower, &candidate.to_lowercase());
            (similarity, candidate)
        })
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let ids = ["trump", "bolton", "kelly", "mattis"];
        assert_eq!(closest("boltn", ids), Some("bolton"));
        assert_eq!(closest("Trump", ids), Some("trump"));
        assert_eq!(closest("stoltenberg", ids), None);
        assert_eq!(closest("x", Vec::<&str>::new()), None);
    }
}
