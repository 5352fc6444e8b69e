#!/usr/bin/env python3
"""Independent readers for zhudian's exports (run by `make export-check`).

Reads each export with another program than the one that wrote it and compares what it
reads with the roster file itself:
  - roster.xlsx with openpyxl: the name list's rows equal the roster's stays (names, real
    dates), and in visiting mode the 走访安排 sheet's rows its visits; sheet names unique
    and at most 31 characters; header row frozen;
    forms.xlsx opens too;
  - both workbooks converted by LibreOffice (`libreoffice --headless --convert-to csv`);
  - every ics/*.ics with icalendar: its stay events equal the person's or the site's stays;
    in visiting mode its visit events equal the person's or the site's visits, each placed
    (LOCATION; GEO where the scenario knows the coordinates); lines at most 75 octets, CRLF;
  - visits.csv (visiting mode) with Python's csv module: BOM, header, one row per visit;
  - report.html and forms.html parsed by html5lib in strict mode; every inline SVG is
    well-formed XML.

usage: export_check.py SCENARIO.yaml ROSTER.json EXPORT_DIR
"""
import datetime
import csv
import glob
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import html5lib
import icalendar
import openpyxl
import yaml


def fail(message):
    print("export-check: FAIL: " + message)
    sys.exit(1)


def day(text):
    return datetime.date.fromisoformat(text)


def load(scenario_path, roster_path):
    with open(scenario_path, encoding="utf-8-sig") as f:
        scenario = yaml.safe_load(f)
    with open(roster_path, encoding="utf-8-sig") as f:
        roster = json.load(f)
    units = {u["id"]: u for u in scenario["units"]}
    people = {p["id"]: p for p in scenario["people"]}
    stays = [(t["term"], s) for t in roster["terms"] for s in t["stays"]]
    visits = [v for t in roster["terms"] for v in t.get("visits", [])]
    visiting = any("visits" in t for t in roster["terms"])
    return units, people, stays, (visits if visiting else None)


def check_xlsx(folder, units, people, stays, visits):
    book = openpyxl.load_workbook(os.path.join(folder, "roster.xlsx"))
    names = book.sheetnames
    if len(set(n.lower() for n in names)) != len(names):
        fail("duplicate sheet names: %r" % names)
    for n in names:
        if len(n) > 31 or any(c in n for c in "[]:*?/\\"):
            fail("sheet name Excel refuses: %r" % n)
    sheet = book["驻点人员名单"]
    header = [c.value for c in sheet[1]]
    if header != ["序号", "派出单位", "姓名", "联系电话", "驻点企业", "进驻日期", "撤离日期"]:
        fail("name list header %r" % header)
    if sheet.freeze_panes != "A2":
        fail("name list header row not frozen: %r" % sheet.freeze_panes)
    read = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if row[2] == "空岗":
            continue
        if not isinstance(row[5], datetime.datetime) or not isinstance(row[6], datetime.datetime):
            fail("dates are not real Excel dates: %r" % (row,))
        read.append((row[1], row[2], row[4], row[5].date(), row[6].date()))
    expected = []
    for _, s in stays:
        p = people[s["person"]]
        expected.append((units[p["unit"]]["name"], p["name"], units[s["site"]]["name"], day(s["arrive"]), day(s["leave"])))
    if sorted(read) != sorted(expected):
        fail("name list rows differ from the roster's stays:\n read %r\n roster %r" % (sorted(read)[:5], sorted(expected)[:5]))
    if visits is not None:
        got = [(r[2].date().isoformat(), r[3], r[5]) for r in book["走访安排"].iter_rows(min_row=2, values_only=True)]
        want = [(v["date"], units[v["site"]]["name"], "、".join(people[p]["name"] for p in v["people"])) for v in visits]
        if got != want:
            fail("the 走访安排 sheet differs from the roster's visits:\n read %r\n roster %r" % (got[:3], want[:3]))
    forms = openpyxl.load_workbook(os.path.join(folder, "forms.xlsx"))
    if not any("清单" in n for n in forms.sheetnames):
        fail("forms.xlsx has no checklist sheet: %r" % forms.sheetnames)
    return len(read)


def check_libreoffice(folder):
    names = ["roster.xlsx", "forms.xlsx"]
    with tempfile.TemporaryDirectory() as out:
        # One run converts both workbooks: LibreOffice takes seconds to start.
        r = subprocess.run(
            ["libreoffice", "--headless", "-env:UserInstallation=file://" + out + "/profile",
             "--convert-to", "csv", "--outdir", out] + [os.path.join(folder, n) for n in names],
            capture_output=True, text=True, timeout=300)
        for name in names:
            produced = os.path.join(out, name.replace(".xlsx", ".csv"))
            if r.returncode != 0 or not os.path.exists(produced) or "Error" in r.stderr:
                fail("LibreOffice could not convert %s: %s %s" % (name, r.stdout, r.stderr))


def check_visits_csv(folder, units, people, visits):
    path = os.path.join(folder, "visits.csv")
    if visits is None:
        if os.path.exists(path):
            fail("visits.csv written for a resident roster")
        return 0
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("visits.csv has no UTF-8 BOM")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    if rows[0] != ["日期", "驻点企业", "人员"]:
        fail("visits.csv header %r" % rows[0])
    expected = [[v["date"], units[v["site"]]["name"], "、".join(people[p]["name"] for p in v["people"])] for v in visits]
    if rows[1:] != expected:
        fail("visits.csv rows differ from the roster's visits:\n read %r\n roster %r" % (rows[1:4], expected[:3]))
    return len(expected)


def visit_events(path, units):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    found = []
    for e in cal.walk("VEVENT"):
        if str(e.get("X-ZHUDIAN-KIND")) != "visit":
            continue
        site = str(e.get("X-ZHUDIAN-SITE"))
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        if end - start != datetime.timedelta(days=1):
            fail("%s: a visit longer than a day" % path)
        if units[site]["name"] not in str(e.get("LOCATION")):
            fail("%s: visit without its enterprise as LOCATION" % path)
        loc = units[site].get("location")
        geo = e.get("GEO")
        if loc and (geo is None or (round(geo.latitude, 6), round(geo.longitude, 6)) != (loc["lat"], loc["lon"])):
            fail("%s: visit to %s without its coordinates as GEO" % (path, site))
        people = e.get("X-ZHUDIAN-PERSON")
        people = sorted(str(p) for p in (people if isinstance(people, list) else [people]))
        found.append((start.isoformat(), site, tuple(people)))
    return sorted(found)


def check_visit_calendars(folder, units, visits):
    count = 0
    by_person, by_site = {}, {}
    for v in visits:
        t = (v["date"], v["site"], tuple(sorted(v["people"])))
        by_site.setdefault(v["site"], []).append(t)
        for p in v["people"]:
            by_person.setdefault(p, []).append(t)
    for path in sorted(glob.glob(os.path.join(folder, "ics", "*.ics"))):
        stay_events(path)  # line lengths and CRLF; a visiting calendar holds no stays
        name = os.path.basename(path)[:-len(".ics")]
        kind, _, key = name.partition("-")
        expected = sorted((by_person if kind == "person" else by_site).get(key, []))
        if visit_events(path, units) != expected:
            fail("%s: visits differ from the roster: %r != %r" % (path, visit_events(path, units), expected))
        count += 1
    return count


def stay_events(path):
    with open(path, "rb") as f:
        raw = f.read()
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail("%s: line over 75 octets: %r" % (path, line))
        if b"\n" in line:
            fail("%s: line ending without CR" % path)
    cal = icalendar.Calendar.from_ical(raw)
    found = []
    for e in cal.walk("VEVENT"):
        if str(e.get("X-ZHUDIAN-KIND")) != "stay":
            continue
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        found.append((str(e.get("X-ZHUDIAN-PERSON")), str(e.get("X-ZHUDIAN-SITE")), start, end - datetime.timedelta(days=1)))
    return sorted(found)


def check_ics(folder, stays):
    count = 0
    by_person, by_site = {}, {}
    for _, s in stays:
        t = (s["person"], s["site"], day(s["arrive"]), day(s["leave"]))
        by_person.setdefault(s["person"], []).append(t)
        by_site.setdefault(s["site"], []).append(t)
    for person, expected in by_person.items():
        got = stay_events(os.path.join(folder, "ics", "person-%s.ics" % person))
        if got != sorted(expected):
            fail("ics/person-%s.ics: %r != %r" % (person, got, sorted(expected)))
        count += 1
    for path in sorted(glob.glob(os.path.join(folder, "ics", "site-*.ics"))):
        site = os.path.basename(path)[len("site-"):-len(".ics")]
        if stay_events(path) != sorted(by_site.get(site, [])):
            fail("%s: stays differ from the roster" % path)
        count += 1
    return count


def check_html(folder):
    svgs = 0
    for name in ["report.html", "forms.html"]:
        with open(os.path.join(folder, name), "rb") as f:
            raw = f.read()
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(raw)
        except Exception as e:  # html5lib raises ParseError on the first error in strict mode
            fail("%s does not parse as HTML: %s" % (name, e))
        text = raw.decode("utf-8")
        if re.search(r"<(script|link)\b|src=\"http", text):
            fail("%s is not self-contained" % name)
        for svg in re.findall(r"<svg\b.*?</svg>", text, flags=re.S):
            try:
                ET.fromstring(svg)
            except ET.ParseError as e:
                fail("%s: an SVG is not well-formed XML: %s" % (name, e))
            svgs += 1
    return svgs


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    scenario, roster, folder = sys.argv[1:]
    units, people, stays, visits = load(scenario, roster)
    rows = check_xlsx(folder, units, people, stays, visits)
    check_libreoffice(folder)
    calendars = check_ics(folder, stays) if visits is None else check_visit_calendars(folder, units, visits)
    visit_rows = check_visits_csv(folder, units, people, visits)
    svgs = check_html(folder)
    print("export-check: ok: %s: %d name-list rows, %d visits.csv rows, %d calendars, %d SVGs, LibreOffice converted both workbooks"
          % (folder, rows, visit_rows, calendars, svgs))


if __name__ == "__main__":
    main()
