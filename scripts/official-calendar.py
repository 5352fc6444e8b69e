#!/usr/bin/env python3
"""Regenerates Sources/ZhudianCore/Calendar/official-cn.json, the official holidays and
make-up working days (调休) of mainland China that `calendar.official: cn` reads, from the
PyPI package chinese-calendar (maintained from the State Council's yearly notices).

    scripts/official-calendar.py            # rewrite the file
    scripts/official-calendar.py --check    # exit 1 when the committed file differs

The package is installed here, into a private folder, never at run time: zhudian only
reads the JSON file it ships. Years from 2022 (SPEC §3 rule 10) to the last year the
package knows; each year is one notice (国务院办公厅关于…部分节假日安排的通知), and a
holiday belongs to the notice that announced it (2022-12-31 is in the 2023 notice).
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

VERSION = "1.11.0"
FIRST_YEAR = 2022
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ZhudianCore", "Calendar",
                      "official-cn.json")

# The notices' numbers and dates, which chinese-calendar does not carry (from the notices themselves).
NOTICES = {
    2022: ("国办发明电〔2021〕11号", "2021-10-25"),
    2023: ("国办发明电〔2022〕16号", "2022-12-08"),
    2024: ("国办发明电〔2023〕7号", "2023-10-25"),
    2025: ("国办发明电〔2024〕12号", "2024-11-12"),
    2026: ("", "2025-11-04"),
}

NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
}


def load_package():
    folder = tempfile.mkdtemp(prefix="chinese-calendar-")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", folder,
                    "chinese-calendar==" + VERSION], check=True)
    sys.path.insert(0, folder)
    import chinese_calendar.constants as constants
    return constants


def runs(days):
    """Consecutive days of one holiday name as (name, first, last)."""
    out = []
    for day, name in sorted(days.items()):
        if out and out[-1][0] == name and out[-1][2] + datetime.timedelta(days=1) == day:
            out[-1][2] = day
        else:
            out.append([name, day, day])
    return out


def document(constants):
    holidays = {d: NAMES[n] for d, n in constants.holidays.items() if d.year >= FIRST_YEAR - 1}
    workdays = {d: NAMES[n] for d, n in constants.workdays.items() if d.year >= FIRST_YEAR - 1}
    every = runs(holidays)
    ranges = [r for r in every if r[2].year >= FIRST_YEAR]
    last = max(r[2].year for r in ranges)
    notices = []
    for year in range(FIRST_YEAR, last + 1):
        mine = [r for r in ranges if r[2].year == year]

        def belongs(day, name):
            # A make-up day belongs to the notice of the nearest holiday of its name.
            near = min((r for r in every if r[0] == name), key=lambda r: min(abs((day - r[1]).days), abs((day - r[2]).days)))
            return near[2].year == year

        number, issued = NOTICES.get(year, ("", ""))
        notice = {"year": year, "title": "国务院办公厅关于%d年部分节假日安排的通知" % year}
        if number:
            notice["document"] = number
        if issued:
            notice["issued"] = issued
        notice["holidays"] = [{"name": n, "from": a.isoformat(), "to": b.isoformat()} for n, a, b in mine]
        notice["workdays"] = [{"date": d.isoformat(), "name": n} for d, n in sorted(workdays.items()) if belongs(d, n)]
        notices.append(notice)
    return {
        "format": "zhudian-official-calendar",
        "version": 1,
        "calendar": "cn",
        "source": "PyPI chinese-calendar %s, written by scripts/official-calendar.py" % VERSION,
        "notices": notices,
    }


def render(doc):
    # One holiday or make-up day per line, so that a yearly update reads well in a diff.
    lines = ["{"]
    for key in ("format", "version", "calendar", "source"):
        lines.append("  %s: %s," % (json.dumps(key), json.dumps(doc[key], ensure_ascii=False)))
    lines.append('  "notices": [')
    for i, n in enumerate(doc["notices"]):
        lines.append("    {")
        for key in ("year", "title", "document", "issued"):
            if key in n:
                lines.append("      %s: %s," % (json.dumps(key), json.dumps(n[key], ensure_ascii=False)))
        for key in ("holidays", "workdays"):
            items = [json.dumps(x, ensure_ascii=False) for x in n[key]]
            lines.append('      "%s": [' % key)
            lines += ["        " + x + ("," if j < len(items) - 1 else "") for j, x in enumerate(items)]
            lines.append("      ]" + ("," if key == "holidays" else ""))
        lines.append("    }" + ("," if i < len(doc["notices"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    text = render(document(load_package()))
    assert json.loads(text)
    if "--check" in sys.argv[1:]:
        with open(TARGET, encoding="utf-8") as f:
            same = f.read() == text
        print("official-cn.json is up to date" if same else "official-cn.json differs from chinese-calendar " + VERSION)
        sys.exit(0 if same else 1)
    with open(TARGET + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(TARGET + ".tmp", TARGET)
    print("wrote", os.path.normpath(TARGET))


if __name__ == "__main__":
    main()
