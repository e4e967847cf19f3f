//! placeholder: CLI commands (being written)
