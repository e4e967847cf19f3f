//! Swarm family: `docker-stack.yml` (typed model in `model`, built in `stack`) and the Swarm
//! operations doc. The stack file is self-contained — images only, no top-level `name`, no
//! mapping-form `depends_on` — because `docker stack deploy` reads it alone against docker/cli's
//! Compose v3 schema.

mod docs;
mod model;
mod stack;

use super::shared::yaml11_files as yaml;
use super::{layout, GeneratedFile};
use crate::generate::layout::Facts;
use crate::model::Design;

pub fn files(design: &Design, facts: &Facts) -> Vec<GeneratedFile> {
    let version = facts.version_var;
    let stack = stack::stack(design, version);
    let header = format!(
        "{}\n#   {}=1.2.3 docker stack deploy -c {} --with-registry-auth {}\n",
        docs::texts::STACK_HEADER.fill(
            design.settings.docs_lang,
            &[("file", layout::STACK_FILE), ("doc", layout::SWARM_DOC)]
        ),
        version,
        layout::STACK_FILE,
        layout::project_name(design)
    );
    vec![
        GeneratedFile::text(
            layout::STACK_FILE,
            format!("{header}{}", yaml::to_yaml(&stack)),
        ),
        GeneratedFile::text(layout::SWARM_DOC, docs::swarm_doc(design, &stack, version)),
    ]
}
