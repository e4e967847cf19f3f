//! `tests/smoke/smoke.sh` (seed 004's compose smoke test, without Python): waits until every
//! service compose would start is healthy — or running, for a service without a healthcheck, or
//! exited 0, for a one-shot job — and fails fast on a container that exits with an error. It
//! reads the state through `docker inspect` templates, so it needs neither jq nor a
//! particular `docker compose ps --format json` shape.

use super::template::fill;
use crate::generate::{headers, layout, GeneratedFile};
use crate::model::Design;

/// Where the smoke test lives in the generated project.
pub const PATH: &str = "tests/smoke/smoke.sh";

const SCRIPT: &str = r#"#!/bin/sh
# @TITLE@
#
# @USAGE@ tests/smoke/smoke.sh @OPTIONS@
#   @EG@ tests/smoke/smoke.sh -f docker-compose.yml -f docker-compose.ci.yml
# @START@
set -eu

timeout="${SMOKE_TIMEOUT:-300}"
deadline=$(( $(date +%s) + timeout ))
services=$(docker compose "$@" config --services)
if [ -z "$services" ]; then
  echo "smoke: no services in the compose configuration" >&2
  exit 1
fi

while :; do
  pending=""
  failed=""
  for service in $services; do
    ids=$(docker compose "$@" ps --all --quiet "$service" || true)
    if [ -z "$ids" ]; then
      pending="$pending $service(not created)"
      continue
    fi
    for id in $ids; do
      # A container replaced between the two calls is simply looked at again next round.
      state=$(docker inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}' "$id" 2>/dev/null || echo "missing")
      case "$state" in
        "running healthy "* | "running none "* | "exited none 0") ;;
        "exited "* | "dead "*) failed="$failed $service($state)" ;;
        *) pending="$pending $service($state)" ;;
      esac
    done
  done

  if [ -n "$failed" ]; then
    echo "smoke: FAILED, stopped containers:$failed" >&2
    exit 1
  fi
  if [ -z "$pending" ]; then
    echo "smoke: OK, every service is healthy: $(echo "$services" | tr '\n' ' ')"
    exit 0
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "smoke: FAILED after ${timeout}s, not healthy:$pending" >&2
    exit 1
  fi
  sleep 3
done
"#;

pub fn file(design: &Design) -> GeneratedFile {
    let lang = design.settings.docs_lang;
    GeneratedFile::script(
        PATH,
        fill(
            SCRIPT,
            &[
                (
                    "TITLE",
                    &headers::SMOKE.fill(lang, &[("name", &layout::project_name(design))]),
                ),
                ("USAGE", headers::USAGE.get(lang)),
                ("OPTIONS", headers::COMPOSE_OPTIONS.get(lang)),
                ("EG", headers::EXAMPLE.get(lang)),
                (
                    "START",
                    &headers::SMOKE_START.fill(
                        lang,
                        &[("cmd", "docker compose up -d"), ("var", "SMOKE_TIMEOUT")],
                    ),
                ),
            ],
        ),
    )
}
