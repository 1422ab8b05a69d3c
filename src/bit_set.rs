//! A fixed-size set of small numbers (event numbers), one bit each: what the search index
//! answers with, and what filters intersect.

/// A fixed-size set of event numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet(Vec<u64>);

impl BitSet {
    pub fn new(len: usize) -> BitSet {
        BitSet(vec![0; len.div_ceil(64)])
    }

    /// Every number below `len`.
    pub fn full(len: usize) -> BitSet {
        let mut words = vec![u64::MAX; len.div_ceil(64)];
        if let Some(last) = words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last = (1 << (len % 64)) - 1;
        }
        BitSet(words)
    }

    pub fn remove(&mut self, index: usize) {
        if let Some(word) = self.0.get_mut(index / 64) {
            *word &= !(1 << (index % 64));
        }
    }

    pub fn insert(&mut self, index: usize) {
        if let Some(word) = self.0.get_mut(index / 64) {
            *word |= 1 << (index % 64);
        }
    }

    pub fn contains(&self, index: usize) -> bool {
        self.0
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }

    /// The members, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(word_number, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(word_number * 64 + bit)
            })
        })
    }

    pub fn intersect_with(&mut self, other: &BitSet) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine &= theirs;
        }
    }

    pub fn union_with(&mut self, other: &BitSet) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine |= theirs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_sets_list_their_members_in_order() {
        let mut set = BitSet::new(200);
        for member in [199, 0, 64, 63, 130, 500] {
            set.insert(member);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 63, 64, 130, 199]);
        assert!(set.contains(130) && !set.contains(131) && !set.contains(500));
        let full = BitSet::full(130);
        assert_eq!(full.iter().count(), 130);
        assert!(full.contains(129) && !full.contains(130));
        set.remove(64);
        assert!(!set.contains(64));
        set.insert(64);
        let mut other = BitSet::new(200);
        other.insert(64);
        other.insert(100);
        set.intersect_with(&other);
        assert_eq!(set.iter().collect::<Vec<_>>(), [64]);
    }
}
