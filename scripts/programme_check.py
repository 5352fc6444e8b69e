#!/usr/bin/env python3
"""Independent readers for the programme's exports (run by `make export-check`):

  bureau SCENARIO ROSTER DIR   ics/bureau.ics read with icalendar: lines at most 75 octets,
                               CRLF; every month's report deadline on the day computed here
                               (reportDue, else reportDay or the month's last day), every term's
                               move-in, every quarter end inside the plan;
  worklog DIR                  every worklog/*.xlsx opened with openpyxl: its validation rules
                               (whole numbers >= 0, 万元 decimals >= 0, dates in the month) and
                               its pre-filled rows (real dates inside the month);
  stats STATS.xlsx LOG.xlsx... the statistics workbook's month row equals the sums of the
                               filled logs, added up here.
"""
import calendar
import datetime
import glob
import json
import os
import sys

import icalendar
import openpyxl
import yaml

HEADER_ROW = 5


def fail(message):
    print("programme-check: FAIL: " + message)
    sys.exit(1)


def day(text):
    return text if isinstance(text, datetime.date) else datetime.date.fromisoformat(str(text))


def expected_tasks(scenario, roster):
    cal = scenario["calendar"]
    terms = sorted(roster["terms"], key=lambda t: t["term"])
    first, last = day(terms[0]["start"]), day(terms[-1]["end"])
    due = {str(k): day(v) for k, v in (cal.get("reportDue") or {}).items()}
    reports = set()
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        key = "%04d-%02d" % (y, m)
        if key in due:
            reports.add(due[key])
        elif cal.get("reportDay"):
            reports.add(datetime.date(y, m, min(cal["reportDay"], calendar.monthrange(y, m)[1])))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    quarters = set()
    for year in range(first.year, last.year + 1):
        for month in (3, 6, 9, 12):
            end = datetime.date(year, month, calendar.monthrange(year, month)[1])
            if first <= end <= last:
                quarters.add(end)
    move_ins = {day(t["start"]) for t in terms}
    events = {day(e["date"]) for e in cal.get("events") or []}
    return reports, quarters, move_ins, events


def check_bureau(scenario_path, roster_path, folder):
    with open(scenario_path, encoding="utf-8-sig") as f:
        scenario = yaml.safe_load(f)
    with open(roster_path, encoding="utf-8-sig") as f:
        roster = json.load(f)
    path = os.path.join(folder, "ics", "bureau.ics")
    with open(path, "rb") as f:
        raw = f.read()
    for line in raw.split(b"\r\n"):
        if len(line) > 75 or b"\n" in line:
            fail("%s: bad line %r" % (path, line))
    found = {}
    for e in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
        kind = str(e.get("X-ZHUDIAN-KIND"))
        start = e.decoded("DTSTART")
        if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
            fail("%s: %s is not an all-day event" % (path, e.get("SUMMARY")))
        found.setdefault(kind, set()).add(start)
    reports, quarters, move_ins, events = expected_tasks(scenario, roster)
    for kind, want in [("report", reports), ("evaluation", quarters), ("move-in", move_ins), ("event", events)]:
        if found.get(kind, set()) != want:
            fail("%s: %s days %s, expected %s" % (path, kind, sorted(found.get(kind, set())), sorted(want)))
    return len(reports)


def check_worklog(folder):
    books = sorted(glob.glob(os.path.join(folder, "worklog", "*.xlsx")))
    if not books:
        fail("no work logs in %s/worklog" % folder)
    for path in books:
        month = os.path.basename(path)[-12:-5]
        y, m = int(month[:4]), int(month[5:])
        first, last = datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])
        sheet = openpyxl.load_workbook(path).active
        header = [c.value for c in sheet[HEADER_ROW]]
        money = header.index("督促落实有奖举报（万元）")
        rules = {dv.type: dv for dv in sheet.data_validations.dataValidation}
        if set(rules) != {"whole", "decimal", "date"}:
            fail("%s: validation rules %r" % (path, sorted(rules)))
        for kind in ("whole", "decimal"):
            if rules[kind].operator != "greaterThanOrEqual" or str(rules[kind].formula1) != "0":
                fail("%s: the %s rule is not '>= 0'" % (path, kind))
        money_cell = "%s%d" % (openpyxl.utils.get_column_letter(money + 1), HEADER_ROW + 1)
        if money_cell not in rules["decimal"].sqref or money_cell in rules["whole"].sqref:
            fail("%s: 万元 (%s) is not the decimal column" % (path, money_cell))
        for c in range(header.index("核查全员责任清单（人）"), header.index("驻点监督任务开展情况")):
            cell = "%s%d" % (openpyxl.utils.get_column_letter(c + 1), HEADER_ROW + 1)
            if c != money and cell not in rules["whole"].sqref:
                fail("%s: counter %s has no whole-number rule" % (path, header[c]))
        serial = lambda d: (d - datetime.date(1899, 12, 30)).days
        if [int(rules["date"].formula1), int(rules["date"].formula2)] != [serial(first), serial(last)]:
            fail("%s: the date rule is not %s..%s" % (path, first, last))
        rows = 0
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
            if row[0] is None:
                break
            if not isinstance(row[0], datetime.datetime) or not first <= row[0].date() <= last:
                fail("%s: pre-filled date %r outside %s" % (path, row[0], month))
            rows += 1
        if rows == 0:
            fail("%s: no pre-filled row" % path)
    return len(books)


def check_stats(stats_path, logs):
    sums = {}
    for path in logs:
        sheet = openpyxl.load_workbook(path).active
        header = [c.value for c in sheet[HEADER_ROW]]
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
            for title, value in zip(header, row):
                if isinstance(value, (int, float)) and not isinstance(value, bool) and title != "日期":
                    sums[title] = sums.get(title, 0) + value
    book = openpyxl.load_workbook(stats_path)
    sheet = book["附件4 统计表"]
    rows = list(sheet.iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r[0] == "序号")
    titles = rows[header_at]
    month_row = rows[header_at + 2]
    pairs = [("核查全员责任清单（人）", "核查全员责任清单（人）"), ("督促召开“晨会”（次）", "督促召开晨会（次）"),
             ("督促落实有奖举报（万元）", "督促落实有奖举报（万元）"), ("现场监督危险作业（次）", "现场监督危险作业（次）"),
             ("发现隐患（项）", "发现隐患（项）")]
    for table_title, log_title in pairs:
        got = month_row[titles.index(table_title)]
        if abs(got - sums.get(log_title, 0)) > 1e-9:
            fail("%s: %s is %r, the logs add up to %r" % (stats_path, table_title, got, sums.get(log_title, 0)))
    return len(pairs)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    what, args = sys.argv[1], sys.argv[2:]
    if what == "bureau":
        n = check_bureau(*args)
        print("programme-check: ok: %s: bureau.ics, %d report deadlines on their days" % (args[2], n))
    elif what == "worklog":
        n = check_worklog(args[0])
        print("programme-check: ok: %s: %d work-log workbooks with their validation rules" % (args[0], n))
    elif what == "stats":
        n = check_stats(args[0], args[1:])
        print("programme-check: ok: %s: %d columns equal the filled logs' sums" % (args[0], n))
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
