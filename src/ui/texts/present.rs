//! placeholder

crate::texts! {}
