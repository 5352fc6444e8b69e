#!/usr/bin/env bash
# Runs README.md's "A planner's half-year" exactly as written, on a fresh clone of this
# repository's HEAD (so a file the README needs but git does not hold fails here), with the
# given zhudian binary in place of the README's B=… line. Part of `make examples`.
#   scripts/half-year.sh .build/release/zhudian
set -euo pipefail
zhudian=$(realpath "${1:?usage: $0 ZHUDIAN}")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
# The first ```sh block after the heading, up to its closing fence.
awk '/^## A planner.s half-year/ { found = 1; next }
     found && /^```sh/ { inside = 1; next }
     inside && /^```/ { exit }
     inside { print }' "$repo/README.md" >"$work/steps.sh"
grep -q '^\$B stats' "$work/steps.sh" || { echo "half-year: no commands found in README.md" >&2; exit 1; }
sed -i "s|^B=.*|B=$zhudian|" "$work/steps.sh"
cd "$work/clone"
bash -euo pipefail "$work/steps.sh" >"$work/log" 2>&1 || {
    echo "FAIL: README's half-year stopped (exit $?):" >&2
    sed 's/^/    /' "$work/log" >&2
    exit 1
}
# What the README promises: the tables, the missing week listed, the refusal, the next plan.
for f in out/h1/ics/bureau.ics out/h1-logs/worklog/ZS-2022-09.xlsx out/h1-stats/stats-2022-09.xlsx \
    out/h1-stats/stats-2022-09.md out/h2/roster.json out/h2-logs/worklog/ZS-2023-02.xlsx; do
    [ -f "$f" ] || { echo "FAIL: README's half-year did not write $f" >&2; exit 1; }
done
grep -q '  ZS 2022-09-05..2022-09-11' "$work/log" || { echo "FAIL: the missing week is not listed" >&2; exit 1; }
grep -q 'refused (exit 2)' "$work/log" || { echo "FAIL: the bad log was not refused with exit 2" >&2; exit 1; }
echo "ok  README's half-year: plan, work logs, stats, a refused log, next, plan ($(grep -c . "$work/steps.sh") lines)"
