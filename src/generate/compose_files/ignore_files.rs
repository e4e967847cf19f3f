//! `.gitignore` (never commit `.env` or secret files; keep `secrets/README.md`) and
//! `.dockerignore` files: one at the project root and one in each scaffolded build context,
//! because Docker reads `.dockerignore` from the root of the build context, not the project.

use super::super::GeneratedFile;
use super::plan::ComposePlan;
use crate::generate::layout;

pub fn gitignore() -> String {
    format!(
        "# Local environment with secrets: copy .env.example, never commit.\n\
         .env\n\
         .env.*\n\
         !.env.example\n\
         \n\
         # Docker secret files read by docker-compose.prod.yml (see {dir}/README.md).\n\
         {dir}/*\n\
         !{dir}/README.md\n\
         \n\
         # Backups and build output.\n\
         backups/\n\
         __pycache__/\n\
         *.pyc\n\
         node_modules/\n\
         target/\n\
         dist/\n\
         *.log\n",
        dir = layout::SECRETS_DIR
    )
}

const DOCKERIGNORE: &str = "\
# Keep build contexts small and free of secrets.
.git
.github
.env
.env.*
secrets
backups
**/__pycache__
**/*.pyc
**/node_modules
**/target
**/dist
**/*.log
Dockerfile
.dockerignore
docker-compose*.yml
# Unit tests stay out of images (generate::project_files::stub_tests).
tests
test
pytest.ini
requirements-dev.txt
**/*_test.go
src/tests.rs
";

pub fn dockerignore_files(plan: &ComposePlan) -> Vec<GeneratedFile> {
    let mut files = vec![GeneratedFile::text(".dockerignore", DOCKERIGNORE)];
    for sp in &plan.services {
        let scaffolded = sp
            .service
            .build
            .as_ref()
            .is_some_and(|b| b.language.is_some() && b.context.trim().is_empty());
        if scaffolded {
            files.push(GeneratedFile::text(
                format!("{}/.dockerignore", layout::build_dir(sp.service)),
                DOCKERIGNORE,
            ));
        }
    }
    files
}
