#!/usr/bin/env bash
# The peer benchmark (issue 21): zhudian, a CP-SAT model of the same rules, and HiGHS on
# zhudian's dumped MIP, side by side on one ladder of generated scenarios.
#
#   bench/peer/run.sh                    # the whole ladder, 30 s per solve
#   LIMIT=60 bench/peer/run.sh           # another limit
#   bench/peer/run.sh --only free10,ring300
#   bench/peer/run.sh --zhudian-only --max-units 30   # zhudian alone on the small rows
#
# OR-Tools, HiGHS and PyYAML come from PyPI into a virtual environment under .build: a
# benchmark tool, never a dependency of zhudian. Results: .build/peer/results.jsonl and the
# Markdown table on standard output (paste it into BENCHMARKS.md with the date and machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMIT="${LIMIT:-30}"
OUT="${OUT:-.build/peer}"
VENV="${VENV:-.build/peer-venv}"
swift build -c release --product zhudian >&2
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import ortools, highspy, yaml" 2>/dev/null ||
    "$VENV/bin/pip" install --quiet ortools highspy pyyaml >&2
exec "$VENV/bin/python" bench/peer/peer.py --zhudian "$(swift build -c release --show-bin-path)/zhudian" \
    --out "$OUT" --time-limit "$LIMIT" "$@"
