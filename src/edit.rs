//! placeholder: Command, apply, History (being written)
