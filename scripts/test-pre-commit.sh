#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml through pre-commit itself (`pre-commit try-repo`), as
# a project using them would: in a scratch git repository holding a compose file scoring well
# below the hooks' default --min-score 70 (latest tags, a published database: the hook must fail)
# and a pattern's design file scoring above it (the hook must pass).
#
# usage: scripts/test-pre-commit.sh [--rust]
#   default  the `tierboard-check-system` hook, with the debug CLI (cargo build) on PATH
#   --rust   the `tierboard-check` hook (language: rust): pre-commit builds the CLI itself with
#            `cargo install` (release profile, LTO: minutes)
# pre-commit comes from PATH, else from PyPI into a scratch venv.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

hook="tierboard-check-system"
if [ "${1:-}" = --rust ]; then hook="tierboard-check"; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tierboard-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

if ! command -v pre-commit >/dev/null; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet pre-commit
  export PATH="$work/venv/bin:$PATH"
fi

cargo build --quiet --bin tierboard
tierboard="${CARGO_TARGET_DIR:-$root/target}/debug/tierboard"
case "$tierboard" in /*) ;; *) tierboard="$root/$tierboard" ;; esac
if [ "$hook" = tierboard-check-system ]; then
  bin_dir="$(dirname "$tierboard")"
  export PATH="$bin_dir:$PATH"
fi

repo="$work/repo"
mkdir -p "$repo/deploy"
cat > "$repo/deploy/compose.yaml" <<'YAML'
services:
  api:
    image: acme/api:latest
    ports: ["8000:8000"]
  db:
    image: postgres:latest
    ports: ["5432:5432"]
YAML
"$tierboard" new microservices > "$repo/shop.tierboard.json"
git -C "$repo" init --quiet
git -C "$repo" add .

try() {
  (cd "$repo" && pre-commit try-repo "$root" "$hook" --files "$@")
}

started=$(date +%s)
if try deploy/compose.yaml shop.tierboard.json > "$work/fail.log" 2>&1; then
  cat "$work/fail.log"
  echo "test-pre-commit: the hook passed a compose file scoring below 70" >&2
  exit 1
fi
grep -Eq "score [0-9]+ is below the minimum 70" "$work/fail.log" || {
  cat "$work/fail.log"; echo "test-pre-commit: the failure does not name the score" >&2; exit 1; }
try shop.tierboard.json > "$work/pass.log" 2>&1 || {
  cat "$work/pass.log"; echo "test-pre-commit: the hook failed a passing design file" >&2; exit 1; }
echo "test-pre-commit: $hook fails below the minimum and passes above it ($(( $(date +%s) - started )) s)"
