//! Track assignment in one gutter: segments that would overlap (or come within a few pixels of
//! each other) get different tracks, so two links never share a segment.
//!
//! A span is one segment's extent along the gutter plus, at each end, the side its connector
//! leaves towards: "negative" (up in a horizontal gutter, left in a vertical one) or
//! "positive". Spans are coloured greedily (first fit) in four classes stacked from the
//! negative side: both ends negative, negative-then-positive, positive-then-negative, both
//! positive. Within a class the order is chosen so that nested or staggered spans do not cross
//! each other's connectors: a span whose connectors both go up sits above the spans it lies
//! inside, and so on. This is a heuristic (channel routing is NP-hard in general); the tests
//! only rely on "overlapping spans never share a track".

/// One segment in a gutter, in gutter-local units (any monotonic integer scale).
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub lo: i64,
    pub hi: i64,
    /// Whether the connector at `lo` (at `hi`) leaves towards the positive side.
    pub lo_pos: bool,
    pub hi_pos: bool,
}

/// Assigns each span a track (0 = nearest the negative side); returns the tracks and how many
/// there are. Spans within `gap` of each other count as overlapping.
pub(super) fn assign(spans: &[Span], gap: i64) -> (Vec<usize>, usize) {
    let mut track = vec![0usize; spans.len()];
    let mut base = 0usize;
    for class in 0..4u8 {
        let mut members: Vec<usize> = (0..spans.len())
            .filter(|&i| class_of(&spans[i]) == class)
            .collect();
        match class {
            // Nested spans: the inner one nearer the side both connectors go to.
            0 | 3 => crate::sorting::sort_by_key(&mut members, |&i| {
                (spans[i].hi - spans[i].lo, spans[i].lo, i)
            }),
            // Up (left) at the low end, down (right) at the high end: later spans nearer the
            // negative side.
            1 => crate::sorting::sort_by_key(&mut members, |&i| {
                (
                    std::cmp::Reverse(spans[i].hi),
                    std::cmp::Reverse(spans[i].lo),
                    i,
                )
            }),
            _ => crate::sorting::sort_by_key(&mut members, |&i| (spans[i].lo, spans[i].hi, i)),
        }
        let mut used: Vec<Vec<(i64, i64)>> = Vec::new();
        let mut local = Vec::with_capacity(members.len());
        for &i in &members {
            let (lo, hi) = (spans[i].lo, spans[i].hi);
            let free = used.iter().position(|taken| {
                taken
                    .iter()
                    .all(|&(a, b)| lo > b.saturating_add(gap) || a > hi.saturating_add(gap))
            });
            let t = match free {
                Some(t) => t,
                None => {
                    used.push(Vec::new());
                    used.len() - 1
                }
            };
            if let Some(taken) = used.get_mut(t) {
                taken.push((lo, hi));
            }
            local.push((i, t));
        }
        let count = used.len();
        for (i, t) in local {
            // The both-positive class fills from the positive side.
            track[i] = base + if class == 3 { count - 1 - t } else { t };
        }
        base += count;
    }
    (track, base)
}

fn class_of(s: &Span) -> u8 {
    match (s.lo_pos, s.hi_pos) {
        (false, false) => 0,
        (false, true) => 1,
        (true, false) => 2,
        (true, true) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lo: i64, hi: i64, lo_pos: bool, hi_pos: bool) -> Span {
        Span {
            lo,
            hi,
            lo_pos,
            hi_pos,
        }
    }

    #[test]
    fn overlapping_spans_get_different_tracks_and_disjoint_ones_share() {
        let spans = [
            span(0, 10, false, false),
            span(5, 20, false, false),
            span(40, 50, false, false),
        ];
        let (tracks, count) = assign(&spans, 2);
        assert_ne!(tracks[0], tracks[1]);
        assert_eq!(count, 2);
        assert!(tracks[2] < count);
    }

    #[test]
    fn spans_within_the_gap_count_as_overlapping() {
        let spans = [span(0, 10, true, true), span(12, 20, true, true)];
        assert_eq!(assign(&spans, 1).1, 1);
        assert_eq!(assign(&spans, 2).1, 2);
    }

    #[test]
    fn an_inner_span_whose_connectors_go_up_sits_above_the_outer_one() {
        let spans = [span(0, 100, false, false), span(10, 20, false, false)];
        let (tracks, _) = assign(&spans, 0);
        assert!(tracks[1] < tracks[0]);
        let down = [span(0, 100, true, true), span(10, 20, true, true)];
        let (tracks, _) = assign(&down, 0);
        assert!(tracks[1] > tracks[0]);
    }
}
