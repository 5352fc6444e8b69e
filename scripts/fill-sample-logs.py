#!/usr/bin/env python3
"""Fills exported work-log workbooks the way a supervisor would, with openpyxl (another
writer than zhudian's), to make the sample logs under Scenarios/worklogs/.

Counts are a fixed function of the site and the row, so the same workbooks give the same
sample every time; one row per workbook is left unfilled when --leave-one-out is given
(a missing weekly record, which `zhudian stats` lists).

usage: fill-sample-logs.py OUT_DIR WORKBOOK... [--leave-one-out SITE]

The samples of README's half-year were made so:
  zhudian plan Scenarios/taierzhuang-2022.yaml -o out/h1 --formats json
  zhudian export out/h1/roster.json --scenario Scenarios/taierzhuang-2022.yaml --formats worklog -o out/h1-logs
  scripts/fill-sample-logs.py Scenarios/worklogs/2022-08 out/h1-logs/worklog/*-2022-08.xlsx
  scripts/fill-sample-logs.py Scenarios/worklogs/2022-09 out/h1-logs/worklog/*-2022-09.xlsx --leave-one-out ZS
"""
import os
import sys

import openpyxl

HEADER_ROW = 5
NARRATIVE = ["检查晨会记录并参加晨会", "抽查岗位责任清单，督促整改现场隐患", "现场监督动火作业", "督促开展应急演练并评估", "组织警示教育"]


def fill(path, out_dir, leave_out):
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[HEADER_ROW]]
    first_counter = header.index("核查全员责任清单（人）")
    narrative = header.index("驻点监督任务开展情况")
    site = None
    for i, row in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1)):
        if row[0].value is None:
            break
        site = row[1].value
        if leave_out == site and i == 1:
            continue  # the second week of this site is not handed in
        for k, cell in enumerate(row[first_counter:narrative]):
            title = header[first_counter + k]
            value = (len(site) * 3 + i * 2 + k) % 4
            cell.value = value * 0.25 if "万元" in title else value
        row[narrative].value = NARRATIVE[(i + len(site)) % len(NARRATIVE)]
    book.save(os.path.join(out_dir, os.path.basename(path)))


def main():
    args = sys.argv[1:]
    leave_out = None
    if "--leave-one-out" in args:
        i = args.index("--leave-one-out")
        leave_out = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    os.makedirs(args[0], exist_ok=True)
    for path in args[1:]:
        fill(path, args[0], leave_out)


if __name__ == "__main__":
    main()
