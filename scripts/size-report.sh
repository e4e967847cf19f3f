#!/usr/bin/env bash
# Prints the raw and gzip (-9) size of every file in a built site and the totals, against the
# budget for the finished app: 250 KB gzip in all. Informational: exits 0 even over budget.
# The precompressed .br/.gz copies (scripts/finish-site.mjs) are summed apart, not listed.
# Usage: scripts/size-report.sh [dist-dir]
set -euo pipefail
dir="${1:-dist}"
budget_kb=250
if [ ! -d "$dir" ]; then
  echo "size-report: $dir/ not found; run 'make build' first" >&2
  exit 1
fi
total_raw=0
total_gz=0
printf '%12s %12s  %s\n' "raw bytes" "gzip bytes" "file"
while IFS= read -r -d '' file; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%12d %12d  %s\n' "$raw" "$gz" "${file#"$dir"/}"
done < <(find "$dir" -type f ! -name '*.br' ! -name '*.gz' -print0 | sort -z)
printf '%12d %12d  %s\n' "$total_raw" "$total_gz" "total"
gz_kb=$(awk -v b="$total_gz" 'BEGIN { printf "%.1f", b / 1024 }')
if [ "$total_gz" -le $((budget_kb * 1024)) ]; then
  echo "gzip total ${gz_kb} KB: within the ${budget_kb} KB budget"
else
  echo "gzip total ${gz_kb} KB: OVER the ${budget_kb} KB budget"
fi
sum() { find "$dir" -type f -name "$1" -printf '%s\n' | awk '{ s += $1; n += 1 } END { printf "%d bytes in %d files", s, n }'; }
echo "precompressed copies: .br $(sum '*.br'), .gz $(sum '*.gz')"
echo "dist/ on disk: $(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }') bytes"
