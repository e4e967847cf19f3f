#!/usr/bin/env bash
# `make size` and the Pages workflow: the site's bytes, initial download apart from what loads on
# demand, raw, gzip and brotli; fails when the initial download is over its gzip budget. The
# report itself is scripts/size-report.mjs (Node, for brotli); see its header.
# Usage: scripts/size-report.sh [dist-dir]
set -euo pipefail
exec node "$(dirname "$0")/size-report.mjs" "$@"
