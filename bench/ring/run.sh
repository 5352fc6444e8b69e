#!/usr/bin/env bash
# Rings against LKH-3 (issue 21, item 4): zhudian plans each one-term ring scenario, then
# bench/ring/lkh_ring.py runs LKH-3 (PyPI's elkai) on the link costs the teams model pays
# and prints zhudian's cost and bound next to LKH-3's ring (checked by `zhudian check`).
#
#   bench/ring/run.sh SCENARIO...            # 30 s per plan
#   LIMIT=60 RUNS=10 bench/ring/run.sh SCENARIO...
#
# elkai and PyYAML come from PyPI into a virtual environment under .build: a benchmark
# tool, never a dependency of zhudian.
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMIT="${LIMIT:-30}"
RUNS="${RUNS:-10}"
OUT="${OUT:-.build/ring-bench}"
VENV="${VENV:-.build/lkh-venv}"
ZHUDIAN="${ZHUDIAN:-}"
if [ -z "$ZHUDIAN" ]; then
    swift build -c release --product zhudian >&2
    ZHUDIAN="$(swift build -c release --show-bin-path)/zhudian"
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import elkai, yaml" 2>/dev/null || "$VENV/bin/pip" install --quiet elkai pyyaml >&2
mkdir -p "$OUT"
for scenario in "$@"; do
    name="$(basename "$scenario" .yaml)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    start=$(date +%s.%N)
    "$ZHUDIAN" plan "$scenario" --time-limit "$LIMIT" -o "$OUT/$name" >/dev/null || true
    end=$(date +%s.%N)
    "$ZHUDIAN" check "$scenario" "$OUT/$name/roster.json" >/dev/null
    echo "$name: zhudian wall $(echo "$end - $start" | bc) s, roster checked" >&2
    "$VENV/bin/python" bench/ring/lkh_ring.py "$scenario" "$OUT/$name/roster.json" \
        --zhudian "$ZHUDIAN" --runs "$RUNS" --out "$OUT"
done
