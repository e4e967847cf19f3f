//! What several generator families share, owned here rather than by one family the others reach
//! into: the Compose-format values the compose files and the Swarm stack both write
//! (`compose_values`), secrets as files for the Helm chart and the stack (`secret_files`), and
//! the quoting policy of files read by YAML 1.1 readers (`yaml11_files`: the Helm chart, the stack).
//! Families call these functions; none reads another family's finished output.

pub mod compose_values;
pub mod secret_files;
pub mod yaml11_files;
