//! One stable sort for the whole crate, compiled once.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site with its
//! own types compiles its own copy of the sort algorithm (about 3 KB of wasm each; the web app
//! had 18 of them). [`sort_by`] sorts the *indices* with one non-generic routine and then moves
//! the elements into place by swaps, so only a few lines are compiled per element type.
//! `collect()` into a `BTreeMap`/`BTreeSet` sorts too (a copy per key type): [`btree_map`] and
//! [`btree_set`] build them by insertion instead.
//!
//! Invariant (tested): the result is exactly that of `slice::sort_by` with the same comparator:
//! stable, equal elements keep their order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `iter.collect::<BTreeMap<_, _>>()` without std's bulk build, which compiles one more copy of
/// the sort per key type: entries are inserted one by one. A repeated key keeps its last value,
/// as with `collect`.
pub fn btree_map<K: Ord, V>(iter: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(iter);
    map
}

/// `iter.collect::<BTreeSet<_>>()`, likewise without the bulk build's sort.
pub fn btree_set<T: Ord>(iter: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(iter);
    set
}

/// `0..n` in the order `cmp` sorts them (stable): the one instance of the sort algorithm.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one place the std sort is compiled
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges by swaps so that position `k` receives the element that was at `order[k]`: each
/// cycle of the permutation is walked once; a visited position is marked by `order[k] = k`.
#[inline(never)]
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let next = order[k];
            order[k] = k;
            if next == start || next == k {
                break;
            }
            swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the tests compare with std's sorts
mod tests {
    use super::*;

    fn check(mut v: Vec<(u8, usize)>) {
        let mut expected = v.clone();
        expected.sort_by_key(|a| a.0);
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, expected);
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        check(vec![]);
        check(vec![(1, 0)]);
        check(vec![(2, 0), (1, 1)]);
        check(vec![(3, 0), (1, 1), (2, 2), (1, 3), (3, 4), (0, 5), (2, 6)]);
        // Every arrangement of a small multiset, and a long pseudo-random one.
        for seed in 0u32..2000 {
            let v: Vec<(u8, usize)> = (0..(seed % 9) as usize)
                .map(|i| {
                    (
                        (seed.wrapping_mul(2654435761).rotate_left(i as u32 * 3) % 4) as u8,
                        i,
                    )
                })
                .collect();
            check(v);
        }
        let long: Vec<(u8, usize)> = (0..1000).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        check(long);
    }

    #[test]
    fn sort_and_sort_by_key_agree_with_std() {
        let mut words = vec!["pear", "apple", "fig", "apple", "kiwi"];
        let mut expected = words.clone();
        expected.sort();
        sort(&mut words);
        assert_eq!(words, expected);

        let mut by_len = vec!["pear", "apple", "fig", "kiwi", "plum"];
        let mut expected = by_len.clone();
        expected.sort_by_key(|w| w.len());
        sort_by_key(&mut by_len, |w| w.len());
        assert_eq!(by_len, expected);
    }
}
