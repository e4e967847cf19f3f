#!/usr/bin/env bash
# Quality gate for the generator: generate every pattern starter, each starter after the
# checklist's "Fix all" (`tierboard fix`: the fixes must keep the project valid) and the
# 30-service stress design into temporary directories, run the shared validators on each project and fail when any
# project has an error or a warning (info findings are allowed), or when markdownlint finds anything
# at all in any Markdown file of the project (the harness lints docs/ and the top level only, and
# reports markdownlint's findings as info; the gate runs it on every *.md with the harness's
# config and wants none).
#
# Every case is generated in each documentation language (`tierboard generate --lang en|de|fr`).
# English runs every validator. German and French change only the words a person reads (the docs,
# the comments of .env.example, Helm's NOTES.txt, the stack file's header comment; the test
# generate_docs_lang::non_doc_files_are_the_same_in_every_language_but_for_comments holds the rest
# equal), so they run the validators that read those files: $DOC_VALIDATORS.
#
# Every pattern starter is also generated with each deploy target (`--deploy compose-ssh|helm|
# swarm`, cases `<pattern>@<target>`), in English: a target changes only the workflows
# (release.yml, deploy.yml) and the runbook, so those cases run $TARGET_VALIDATORS and
# markdownlint; the languages are checked on the default target (none).
#
# usage: scripts/validate-generated.sh [--release] [--keep] [--lang en|de|fr ...]
#   --release   build the CLI with the release profile (default: debug, faster to build)
#   --keep      keep the generated projects (their directory is printed)
#   --lang L    only this documentation language (repeatable; default: en de fr)
# env:  VALIDATE_PROJECT  path to validate-project (default: ../shared/tools/validate-project)
#       MARKDOWNLINT      markdownlint-cli (default: the validators' install under $VALIDATORS_HOME)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

profile=debug
keep=0
langs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --release) profile=release ;;
    --keep) keep=1 ;;
    --lang)
      case "${2:-}" in
        en|de|fr) langs+=("$2"); shift ;;
        *) echo "--lang needs en, de or fr" >&2; exit 2 ;;
      esac ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[ ${#langs[@]} -gt 0 ] || langs=(en de fr)
DOC_VALIDATORS="compose-config,compose-schema,yamllint,hadolint,shellcheck,zizmor,helm,dotenv-linter"
TARGET_VALIDATORS="actionlint,zizmor,checkov,yamllint,shellcheck"
TARGETS=(compose-ssh helm swarm)

validate="${VALIDATE_PROJECT:-$root/../shared/tools/validate-project}"
if [ ! -x "$validate" ]; then
  echo "validate-project not found at $validate (set VALIDATE_PROJECT)" >&2
  exit 2
fi
markdownlint="${MARKDOWNLINT:-${VALIDATORS_HOME:-/opt/validators}/npm/node_modules/.bin/markdownlint}"
mdconfig="$(dirname "$(readlink -f "$validate")")/lib/markdownlint.json"
if [ ! -x "$markdownlint" ] || [ ! -f "$mdconfig" ]; then
  echo "markdownlint not found at $markdownlint (or its config $mdconfig; set MARKDOWNLINT)" >&2
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
patterns=()
while read -r id _; do
  [ -n "$id" ] && cases+=("$id" "$id+fixed") && patterns+=("$id")
done < <("$tierboard" patterns)
cases+=("stress-30")

for id in "${cases[@]}"; do
  design="$work/$id.json"
  if [ "$id" = stress-30 ]; then
    cp "$root/tests/fixtures/stress-30.json" "$design"
  elif [ "${id%+fixed}" != "$id" ]; then
    "$tierboard" new "${id%+fixed}" | "$tierboard" fix - > "$design"
  else
    "$tierboard" new "$id" > "$design"
  fi
done

# Each pattern with each deploy target (English only, see above).
for id in "${patterns[@]}"; do
  for target in "${TARGETS[@]}"; do
    cases+=("$id@$target")
  done
done

failed=0
printf '%-22s %4s %8s %8s %8s %8s %6s\n' project lang errors warnings infos mdlint secs
for lang in "${langs[@]}"; do
  started=$SECONDS
  for id in "${cases[@]}"; do
    out="$work/$lang/$id"
    deploy=()
    if [ "${id%@*}" != "$id" ]; then
      [ "$lang" = en ] || continue
      deploy=(--deploy "${id#*@}")
    fi
    "$tierboard" generate "$work/${id%@*}.json" --lang "$lang" "${deploy[@]}" --out "$out" > /dev/null
    report="$out.report.txt"
    case_started=$SECONDS
    if [ ${#deploy[@]} -gt 0 ]; then
      "$validate" "$out" --only "$TARGET_VALIDATORS" > "$report" 2>&1 || true
    elif [ "$lang" = en ]; then
      "$validate" "$out" > "$report" 2>&1 || true
    else
      "$validate" "$out" --only "$DOC_VALIDATORS" > "$report" 2>&1 || true
    fi
    summary="$(grep -E '^severity: ' "$report" | tail -n 1 || true)"
    if [ -z "$summary" ]; then
      echo "$id ($lang): validate-project gave no summary; see below" >&2
      cat "$report" >&2
      failed=1
      continue
    fi
    errors="$(sed -E 's/^severity: ([0-9]+) error.*/\1/' <<< "$summary")"
    warnings="$(sed -E 's/.* ([0-9]+) warning.*/\1/' <<< "$summary")"
    infos="$(sed -E 's/.* ([0-9]+) info.*/\1/' <<< "$summary")"
    mdreport="$out.markdownlint.txt"
    (cd "$out" && find . -name '*.md' -print0 | sort -z \
      | xargs -0 "$markdownlint" --config "$mdconfig") > "$mdreport" 2>&1 || true
    mdlint="$(grep -c . "$mdreport" || true)"
    printf '%-22s %4s %8s %8s %8s %8s %6s\n' "$id" "$lang" "$errors" "$warnings" "$infos" "$mdlint" \
      "$((SECONDS - case_started))"
    if [ "$errors" != 0 ] || [ "$warnings" != 0 ] || [ "$mdlint" != 0 ]; then
      grep -E '^(ERROR|WARNING) ' "$report" | sed "s/^/  $id ($lang): /" >&2 || true
      sed "s/^/  $id ($lang) markdownlint: /" "$mdreport" >&2
      failed=1
    fi
  done
  echo "-- $lang: $((SECONDS - started)) s"
done

if [ "$keep" = 1 ]; then
  echo "projects kept in $work"
fi
if [ "$failed" != 0 ]; then
  echo "validate-generated: FAILED (errors or warnings above)" >&2
  exit 1
fi
echo "validate-generated: all projects clean"
