#!/bin/sh
# Exports the six mines' rosters and a visiting roster (两人一企) in every format and reads
# them back with independent readers (scripts/export_check.py): openpyxl, LibreOffice,
# icalendar, html5lib, Python's csv.
#   scripts/export-check.sh .build/debug/zhudian
set -eu
zhudian=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=Tests/ZhudianExportTests/Fixtures

# A best-effort roster: the two-term roster with one team of term 2 taken out (空岗).
python3 - "$fixtures/taierzhuang-2terms.json" "$work/besteffort.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["solve"]["status"] = "best-effort"
t = r["terms"][1]
site = t["stays"][0]["site"]
t["stays"] = [s for s in t["stays"] if s["site"] != site]
t["links"] = [l for l in t["links"] if l["to"] != site]
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY

run() {
    name=$1 scenario=$2 roster=$3
    "$zhudian" export "$roster" --scenario "$scenario" --formats csv,visits,xlsx,ics,html,md,forms -o "$work/$name" 2>/dev/null
    python3 scripts/export_check.py "$scenario" "$roster" "$work/$name"
}
run notice Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json
run twoterms "$fixtures/taierzhuang-2terms.yaml" "$fixtures/taierzhuang-2terms.json"
run besteffort "$fixtures/taierzhuang-2terms.yaml" "$work/besteffort.json"
run visiting "$fixtures/visiting-2023.yaml" "$fixtures/visiting-2023.json"
run jining Scenarios/jining-chemical-2023.yaml "$fixtures/jining-chemical-2023-handmade.json"
