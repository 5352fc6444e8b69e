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

# The programme (bureau calendar, work logs, stats): the calendar read by icalendar with the
# deadlines computed in Python, on 31-, 30-, 28- and 29-day months (2023-02 to 2024-02) with reportDay 31 and a reportDue
# override, and on the visiting fixture (notice 002: by the 30th, October's on 26 September).
python3 - "$fixtures/taierzhuang-2terms.yaml" "$work/report31.yaml" <<'PY'
import sys, yaml
s = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
s["calendar"]["reportDay"] = 31
s["calendar"]["reportDue"] = {"2023-12": "2023-12-20"}
yaml.safe_dump(s, open(sys.argv[2], "w", encoding="utf-8"), allow_unicode=True)
PY
programme() {
    name=$1 scenario=$2 roster=$3
    "$zhudian" export "$roster" --scenario "$scenario" --formats ics,worklog -o "$work/$name" 2>/dev/null
    python3 scripts/programme_check.py bureau "$scenario" "$roster" "$work/$name"
    python3 scripts/programme_check.py worklog "$work/$name"
}
programme report31 "$work/report31.yaml" "$fixtures/taierzhuang-2terms.json"
programme visiting "$fixtures/visiting-chem.yaml" "$fixtures/visiting-chem.json"
# Logs filled by openpyxl, added up by zhudian stats, compared with Python's sums.
python3 scripts/fill-sample-logs.py "$work/filled" "$work/report31/worklog/"*-2023-09.xlsx
"$zhudian" stats "$work/report31.yaml" "$fixtures/taierzhuang-2terms.json" "$work/filled/"*.xlsx \
    --month 2023-09 -o "$work/stats" >/dev/null 2>&1
python3 scripts/programme_check.py stats "$work/stats/stats-2023-09.xlsx" "$work/filled/"*.xlsx
# The same logs saved again by LibreOffice (its own SpreadsheetML writer) give the same tables.
libreoffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to xlsx --outdir "$work/resaved" \
    "$work/filled/"*.xlsx >/dev/null 2>&1
"$zhudian" stats "$work/report31.yaml" "$fixtures/taierzhuang-2terms.json" "$work/resaved/"*.xlsx \
    --month 2023-09 -o "$work/stats-resaved" >/dev/null 2>&1
cmp "$work/stats/stats-2023-09.md" "$work/stats-resaved/stats-2023-09.md"
echo "programme-check: ok: logs re-saved by LibreOffice give the same tables"
