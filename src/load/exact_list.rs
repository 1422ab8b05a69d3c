//! A list read from the file into a `Vec` no larger than it needs: an event's lists hold one
//! or two items, and the usual growth reserves four, which at a million events is a seventh
//! of the parsed records. Used as `#[serde(deserialize_with = "exact_list::deserialize")]`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// Up to this many items the list grows one at a time; longer lists grow as usual.
const GROWN_ONE_AT_A_TIME: usize = 4;

/// Deserializes a sequence as `Vec<T>` would, with no spare room for lists of up to
/// [`GROWN_ONE_AT_A_TIME`] items.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(ExactList(PhantomData))
}

struct ExactList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ExactList<T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        // The same words as serde's own `Vec`, so messages about a wrong type do not change.
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // A hint is the file's own claim; never trust it for more than a small list.
        let hinted = seq.size_hint().unwrap_or(0).min(GROWN_ONE_AT_A_TIME);
        let mut items = Vec::with_capacity(hinted);
        while let Some(item) = seq.next_element()? {
            if items.len() == items.capacity() && items.len() < GROWN_ONE_AT_A_TIME {
                items.reserve_exact(1);
            }
            items.push(item);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Lists {
        #[serde(deserialize_with = "super::deserialize")]
        one: Vec<String>,
        #[serde(deserialize_with = "super::deserialize")]
        many: Vec<u32>,
    }

    #[test]
    fn short_lists_have_no_spare_room_and_long_lists_keep_every_item_in_order() {
        let lists: Lists =
            ron::from_str(r#"(one: ["a1"], many: [1, 2, 3, 4, 5, 6, 7])"#).expect("parses");
        assert_eq!(lists.one, ["a1"]);
        assert_eq!(lists.one.capacity(), 1);
        assert_eq!(lists.many, [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn a_wrong_type_is_reported_as_for_any_list() {
        let error = ron::from_str::<Lists>(r#"(one: "a1", many: [])"#)
            .err()
            .map(|error| error.code.to_string());
        let usual = ron::from_str::<Vec<String>>(r#""a1""#)
            .err()
            .map(|error| error.code.to_string());
        assert_eq!(error, usual);
        assert!(error.is_some());
    }
}
