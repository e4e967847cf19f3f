//! One effect feeding many small signals: how the board keeps an edit on a 200-service design
//! inside a frame.
//!
//! A `Memo` per card (or per arrow) that reads the design or the diagram subscribes hundreds of
//! nodes to one source. Every edit then wakes all of them, and each re-run unsubscribes and
//! resubscribes itself (linear in the source's subscribers), so the reactive bookkeeping alone
//! grows with the square of the board. A [`FanOut`] turns that around: one effect works out
//! every item's value (plain Rust over the design), compares it with what the item's signal
//! holds, and sets only the signals whose value changed. A card that did not change is never
//! woken; a moved card wakes once.
//!
//! Items are keyed (a service id, a link's ends). [`FanOut::get`] hands a component its item's
//! signal; a key the feeder has not seen yet gets a signal at the default value, which the next
//! feed fills in (both happen before the browser paints). Signals belong to the owner that
//! created the fan-out, so an item's signal outlives a card that is removed and re-created (a
//! move to another lane) and is disposed with the board.
//!
//! What nobody sees can wait: [`FanOut::when_idle`] feeds its signals in an idle moment after
//! the change instead of in the edit's frame.

use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// What happens to an item the feeder no longer lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// It goes back to the default value (flags such as "selected": only the set ones are listed).
    Reset,
    /// It keeps its last value (a card the layout lacks for a moment stays where it was).
    Keep,
}

/// Per-key signals fed by one effect. `Copy`: a handle to values kept by the reactive owner.
pub struct FanOut<K: 'static, V: 'static> {
    signals: StoredValue<HashMap<K, RwSignal<V>>>,
    owner: StoredValue<Option<Owner>>,
}

impl<K, V> Clone for FanOut<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for FanOut<K, V> {}

impl<K, V> FanOut<K, V>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
    V: Clone + PartialEq + Default + Send + Sync + 'static,
{
    /// Feeds the signals from `compute` now and after every change of what it reads.
    pub fn new(missing: Missing, compute: impl Fn() -> Vec<(K, V)> + 'static) -> Self {
        let me = Self::fed_now(missing, &compute);
        Effect::new(move |_| me.feed(compute(), missing));
        me
    }

    /// A fan-out with its first values at once, so the first render shows them.
    fn fed_now(missing: Missing, compute: &impl Fn() -> Vec<(K, V)>) -> Self {
        let me = FanOut {
            signals: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
        };
        me.feed(untrack(compute), missing);
        me
    }

    /// Like [`FanOut::new`], but after a change of what `track` reads, the signals are fed in an
    /// idle moment (within `wait_ms`), once for a burst of changes. For what nobody sees: a
    /// link's pointer area follows a relayout after the frame that shows it (on a 200-service
    /// board, 199 of them moved on a drop).
    pub fn when_idle(
        missing: Missing,
        track: impl Fn() + 'static,
        compute: impl Fn() -> Vec<(K, V)> + 'static,
        wait_ms: u32,
    ) -> Self {
        let me = Self::fed_now(missing, &compute);
        let compute = std::rc::Rc::new(compute);
        let pending = std::rc::Rc::new(std::cell::Cell::new(false));
        Effect::new(move |_| {
            track();
            if pending.replace(true) {
                return;
            }
            let (compute, pending) = (compute.clone(), pending.clone());
            super::browser::when_idle(
                move || {
                    pending.set(false);
                    // The board may be gone meanwhile (its signals with it).
                    if me.signals.try_with_value(|_| ()).is_some() {
                        me.feed(untrack(&*compute), missing);
                    }
                },
                wait_ms,
            );
        });
        me
    }

    /// The signal of `key` (created at the default value when the feeder has not listed it).
    pub fn get(self, key: K) -> Signal<V> {
        if let Some(Some(signal)) = self.signals.try_with_value(|m| m.get(&key).copied()) {
            return signal.into();
        }
        let signal = self.signal(V::default());
        self.signals
            .try_update_value(|m| *m.entry(key).or_insert(signal));
        signal.into()
    }

    fn signal(self, value: V) -> RwSignal<V> {
        match self.owner.try_get_value().flatten() {
            Some(owner) => owner.with(|| RwSignal::new(value)),
            None => RwSignal::new(value),
        }
    }

    /// Sets the signals whose value differs from `entries` (and, with [`Missing::Reset`], puts
    /// unlisted ones back to the default).
    fn feed(self, entries: Vec<(K, V)>, missing: Missing) {
        let mut changed: Vec<(RwSignal<V>, V)> = Vec::new();
        let mut fresh: Vec<(K, V)> = Vec::new();
        let mut listed = HashSet::with_capacity(entries.len());
        self.signals.try_with_value(|map| {
            for (key, value) in entries {
                listed.insert(key);
                match map.get(&key) {
                    Some(&signal) => {
                        if signal.try_with_untracked(|old| *old != value) == Some(true) {
                            changed.push((signal, value));
                        }
                    }
                    None => fresh.push((key, value)),
                }
            }
            if missing == Missing::Reset {
                let default = V::default();
                for (key, &signal) in map {
                    if !listed.contains(key)
                        && signal.try_with_untracked(|old| *old != default) == Some(true)
                    {
                        changed.push((signal, default.clone()));
                    }
                }
            }
        });
        for (key, value) in fresh {
            let signal = self.signal(value);
            self.signals.try_update_value(|m| m.insert(key, signal));
        }
        // Set after the map is released: a subscriber may ask for another item's signal.
        for (signal, value) in changed {
            signal.try_set(value);
        }
    }
}
