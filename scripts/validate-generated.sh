#!/usr/bin/env bash
# Quality gate for the generator: generate every pattern starter, each starter after the
# checklist's "Fix all" (`tierboard fix`: the fixes must keep the project valid) and the
# 30-service stress design into temporary directories, run the shared validators on each project and fail when any
# project has an error or a warning (info findings are allowed).
#
# usage: scripts/validate-generated.sh [--release] [--keep]
#   --release   build the CLI with the release profile (default: debug, faster to build)
#   --keep      keep the generated projects (their directory is printed)
# env:  VALIDATE_PROJECT  path to validate-project (default: ../shared/tools/validate-project)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

profile=debug
keep=0
for arg in "$@"; do
  case "$arg" in
    --release) profile=release ;;
    --keep) keep=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

validate="${VALIDATE_PROJECT:-$root/../shared/tools/validate-project}"
if [ ! -x "$validate" ]; then
  echo "validate-project not found at $validate (set VALIDATE_PROJECT)" >&2
  exit 2
fi

if [ "$profile" = release ]; then
  cargo build --quiet --release --bin tierboard
else
  cargo build --quiet --bin tierboard
fi
tierboard="${CARGO_TARGET_DIR:-$root/target}/$profile/tierboard"

work="$(mktemp -d "${TMPDIR:-/tmp}/tierboard-validate.XXXXXX")"
if [ "$keep" = 0 ]; then
  trap 'rm -rf "$work"' EXIT
fi

# Every pattern starter as it comes and after Fix all, then the stress design.
cases=()
while read -r id _; do
  [ -n "$id" ] && cases+=("$id" "$id+fixed")
done < <("$tierboard" patterns)
cases+=("stress-30")

failed=0
printf '%-22s %8s %8s %8s\n' project errors warnings infos
for id in "${cases[@]}"; do
  design="$work/$id.json"
  if [ "$id" = stress-30 ]; then
    cp "$root/tests/fixtures/stress-30.json" "$design"
  elif [ "${id%+fixed}" != "$id" ]; then
    "$tierboard" new "${id%+fixed}" | "$tierboard" fix - > "$design"
  else
    "$tierboard" new "$id" > "$design"
  fi
  "$tierboard" generate "$design" --out "$work/$id" > /dev/null
  report="$work/$id.report.txt"
  "$validate" "$work/$id" > "$report" 2>&1 || true
  summary="$(grep -E '^severity: ' "$report" | tail -n 1 || true)"
  if [ -z "$summary" ]; then
    echo "$id: validate-project gave no summary; see below" >&2
    cat "$report" >&2
    failed=1
    continue
  fi
  errors="$(sed -E 's/^severity: ([0-9]+) error.*/\1/' <<< "$summary")"
  warnings="$(sed -E 's/.* ([0-9]+) warning.*/\1/' <<< "$summary")"
  infos="$(sed -E 's/.* ([0-9]+) info.*/\1/' <<< "$summary")"
  printf '%-22s %8s %8s %8s\n' "$id" "$errors" "$warnings" "$infos"
  if [ "$errors" != 0 ] || [ "$warnings" != 0 ]; then
    grep -E '^(ERROR|WARNING) ' "$report" | sed "s/^/  $id: /" >&2 || true
    failed=1
  fi
done

if [ "$keep" = 1 ]; then
  echo "projects kept in $work"
fi
if [ "$failed" != 0 ]; then
  echo "validate-generated: FAILED (errors or warnings above)" >&2
  exit 1
fi
echo "validate-generated: all projects clean"
