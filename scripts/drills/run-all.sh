#!/usr/bin/env bash
# Runs every reliability drill against the packaged application (target/campusgate-*.jar) and prints their summaries;
# exits non-zero when any drill fails. See docs/RELIABILITY.md.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
WORK="${DRILL_WORK:-$(cd ../.. && pwd)/target/drills}"
mkdir -p "$WORK"
: >"$WORK/summary.txt"
started=$(date +%s)
failed=()
for drill in kill9 db-restart two-nodes; do
  printf '\n==> drill %s\n' "$drill"
  drill_started=$(date +%s)
  if ! bash "./$drill.sh"; then
    failed+=("$drill")
  fi
  printf '    (%s s)\n' "$(( $(date +%s) - drill_started ))"
done
printf '\n==> reliability drills: %s s\n' "$(( $(date +%s) - started ))"
cat "$WORK/summary.txt"
passed=$(( 3 - ${#failed[@]} ))
echo "reliability drills: ${passed} of 3 passed"
(( ${#failed[@]} == 0 )) || { echo "FAILED: ${failed[*]}"; exit 1; }
