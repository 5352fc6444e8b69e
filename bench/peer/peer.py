#!/usr/bin/env python3
"""The peer benchmark: zhudian against a CP-SAT model of the same rules, and HiGHS on
zhudian's own dumped MIP where that file is the whole model (free placement: no lazy rows).

Run it through bench/peer/run.sh, which builds zhudian in release mode and installs the
Python packages into a virtual environment. Every roster either tool returns goes through
`zhudian check`; a rejected one is a failure of the run (exit 1).

    peer.py --zhudian .build/release/zhudian --out .build/peer --time-limit 30 [--only NAME,...]

Writes OUT/results.jsonl (one line per scenario, as it finishes) and prints the Markdown
table for BENCHMARKS.md at the end.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# The ladder: (enterprises, structure, terms, history, extras). Extras: stay (pairCooldown 0,
# maxConsecutiveTerms 2), pins N, cap (maxDistanceKm: every unit keeps its 6 nearest sites),
# mc (minCycle), counties; the sweep (sweep.py) also sets seed, forbid N and cap_nearest N.
# Seeds are fixed: the seed is the row number.
LADDER = [
    (6, "ring", 1, 1, {}), (6, "cycles", 1, 0, {}), (6, "free", 1, 1, {}),
    (8, "ring", 3, 1, {}), (8, "cycles", 3, 2, {"mc": 4}), (8, "free", 2, 2, {}),
    (9, "free", 3, 1, {}), (10, "cycles", 2, 2, {}), (10, "free", 2, 2, {}),
    (10, "ring", 2, 1, {"stay": True}), (12, "free", 2, 1, {}), (12, "cycles", 3, 1, {"pins": 3}),
    (12, "ring", 2, 2, {"cap": True}), (12, "cycles", 2, 1, {"stay": True}), (15, "free", 2, 2, {"pins": 3}),
    (15, "cycles", 3, 2, {"mc": 4}), (20, "ring", 1, 1, {"pins": 2}), (20, "free", 1, 1, {"cap": True}),
    (20, "cycles", 2, 2, {"stay": True, "pins": 2}), (26, "ring", 2, 2, {"stay": True}),
    (29, "free", 2, 2, {"stay": True}), (30, "cycles", 2, 1, {"cap": True}), (30, "ring", 3, 2, {}),
    (30, "free", 2, 0, {}),
    (40, "cycles", 2, 2, {"pins": 4}), (40, "free", 1, 1, {}), (50, "ring", 2, 1, {}),
    (50, "cycles", 3, 2, {"mc": 5}), (50, "free", 2, 2, {"cap": True}), (60, "cycles", 2, 2, {"stay": True}),
    (60, "ring", 1, 1, {"cap": True}), (80, "cycles", 1, 0, {}),
    (100, "free", 2, 2, {"counties": 4}), (100, "ring", 2, 2, {}), (100, "cycles", 2, 1, {"pins": 5}),
    (100, "ring", 2, 2, {"stay": True}),
    (150, "cycles", 2, 1, {"cap": True}), (200, "ring", 1, 1, {}), (200, "free", 1, 1, {"cap": True}),
    (300, "ring", 1, 1, {}), (300, "cycles", 2, 2, {}), (300, "cycles", 1, 1, {"pins": 6}),
    (300, "ring", 2, 1, {}), (300, "free", 1, 1, {"cap": True}),
]


def name_of(i, row):
    n, structure, terms, history, ex = row
    tags = [f"{structure}{n}", f"T{terms}", f"H{history}"]
    if ex.get("stay"):
        tags.append("stay")
    if ex.get("pins"):
        tags.append(f"pins{ex['pins']}")
    if ex.get("cap"):
        tags.append("cap")
    if ex.get("mc"):
        tags.append(f"mc{ex['mc']}")
    return f"{i + 1:02d}-" + "-".join(tags)


def km(a, b):
    r = math.pi / 180
    h = math.sin((b["lat"] - a["lat"]) * r / 2) ** 2 + math.cos(a["lat"] * r) * math.cos(b["lat"] * r) * math.sin(
        (b["lon"] - a["lon"]) * r / 2) ** 2
    return 6371.0 * 2 * math.atan2(math.sqrt(h), math.sqrt(1 - h))


def generate(zhudian, path, i, row):
    n, structure, terms, history, ex = row
    args = [zhudian, "generate", "--units", str(n), "--structure", structure, "--terms", str(terms),
            "--history", str(history), "--seed", str(ex.get("seed", i + 1)),
            "--counties", str(ex.get("counties", max(1, n // 30)))]
    if ex.get("pins"):
        args += ["--pins", str(ex["pins"])]
    if ex.get("mc"):
        args += ["--min-cycle", str(ex["mc"])]
    if ex.get("forbid"):
        args += ["--forbid", str(ex["forbid"])]
    args += ["-o", path]
    subprocess.run(args, check=True, capture_output=True)
    edits = []
    if ex.get("stay"):
        edits += [("pairCooldown", "0"), ("maxConsecutiveTerms", "2")]
    if ex.get("cap"):
        doc = yaml.safe_load(open(path, encoding="utf-8"))
        locs = [u["location"] for u in doc["units"] if u.get("location")]
        nearest = min(int(ex.get("cap_nearest", 6)), len(locs) - 1)
        sixth = [sorted(km(a, b) for b in locs if b is not a)[nearest - 1] for a in locs]
        edits.append(("maxDistanceKm", str(math.ceil(max(sixth)))))
    if edits:
        text = open(path, encoding="utf-8").read()
        for key, value in edits:
            if f"  {key}:" in text:
                lines = [f"  {key}: {value}" if ln.startswith(f"  {key}:") else ln for ln in text.split("\n")]
                text = "\n".join(lines)
            else:
                text = text.replace("rules:\n", f"rules:\n  {key}: {value}\n", 1)
        tmp = path + ".tmp"
        open(tmp, "w", encoding="utf-8").write(text)
        os.replace(tmp, path)


def timed(args, timeout):
    started = time.monotonic()
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        return r, time.monotonic() - started
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - started


def check(zhudian, scenario, roster):
    r = subprocess.run([zhudian, "check", scenario, roster], capture_output=True, text=True,
                       env=dict(os.environ, LANG="C"))
    if r.returncode == 0:
        return "passed"
    return "FAILED: " + (r.stdout.strip().split("\n") or ["?"])[0][:160]


def run_zhudian(zhudian, scenario, out, limit):
    r, wall = timed([zhudian, "plan", scenario, "-o", out, "--quiet", "--time-limit", str(limit)], limit * 3 + 30)
    res = {"wall": wall}
    if r is None:
        res["status"] = "killed"
        return res
    roster = os.path.join(out, "roster.json")
    if r.returncode == 0 and os.path.exists(roster):
        solve = json.load(open(roster, encoding="utf-8"))["solve"]
        res.update(status=solve["status"], objective=solve["objective"], bound=solve["bound"])
        res["check"] = check(zhudian, scenario, roster)
        model = [ln for ln in r.stdout.split("\n") if "model)" in ln]
        res["model"] = model[0].rsplit("(", 1)[-1].rstrip(")") if model else "?"
    else:
        res["status"] = {1: "infeasible", 3: "no roster"}.get(r.returncode, f"exit {r.returncode}")
        res["stderr"] = r.stderr.strip()[-300:]
    return res


def run_cpsat(python, zhudian, scenario, roster, limit):
    r, wall = timed([python, os.path.join(HERE, "cpsat_model.py"), scenario, roster, "--time-limit", str(limit),
                     "--workers", "2"], limit * 3 + 60)
    res = {"wall": wall}
    if r is None:
        res["status"] = "killed"
        return res
    try:
        res.update(json.loads(r.stdout.strip().split("\n")[-1]))
    except (ValueError, IndexError):
        res["status"] = f"exit {r.returncode}: {r.stderr.strip()[-300:]}"
        return res
    if r.returncode == 0:
        res["check"] = check(zhudian, scenario, roster)
    return res


def run_highs(python, zhudian, scenario, work, limit):
    """zhudian's own MIP, dumped as CPLEX LP (the dump run is not timed), under HiGHS."""
    lp = os.path.join(work, "model.lp")
    r, _ = timed([zhudian, "plan", scenario, "-o", os.path.join(work, "dump"), "--quiet", "--time-limit", "5",
                  "--dump-model", lp], 200)
    if not os.path.exists(lp):
        return {"status": "no dump"}
    r, wall = timed([python, os.path.join(HERE, "highs_lp.py"), lp, "--time-limit", str(limit)], limit * 3 + 60)
    res = {"wall": wall}
    if r is None:
        res["status"] = "killed"
        return res
    try:
        res.update(json.loads(r.stdout.strip().split("\n")[-1]))
    except (ValueError, IndexError):
        res["status"] = f"exit {r.returncode}: {r.stderr.strip()[-300:]}"
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zhudian", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--time-limit", type=float, default=30)
    ap.add_argument("--only", default="")
    ap.add_argument("--max-units", type=int, default=0, help="only the rows with at most this many enterprises")
    ap.add_argument("--zhudian-only", action="store_true",
                    help="solve with zhudian alone (a quick re-run after a change; no CP-SAT or HiGHS column)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    only = [s for s in a.only.split(",") if s]
    results_path = os.path.join(a.out, "results.jsonl")
    failures = 0
    with open(results_path, "w", encoding="utf-8") as results:
        for i, row in enumerate(LADDER):
            name = name_of(i, row)
            if only and not any(o in name for o in only):
                continue
            if a.max_units and row[0] > a.max_units:
                continue
            work = os.path.join(a.out, name)
            os.makedirs(work, exist_ok=True)
            scenario = os.path.join(work, "scenario.yaml")
            generate(a.zhudian, scenario, i, row)
            line = {"name": name, "n": row[0], "structure": row[1], "terms": row[2]}
            line["zhudian"] = run_zhudian(a.zhudian, scenario, os.path.join(work, "zhudian"), a.time_limit)
            line["cpsat"] = {} if a.zhudian_only else run_cpsat(
                sys.executable, a.zhudian, scenario, os.path.join(work, "cpsat.json"), a.time_limit)
            if row[1] == "free" and not a.zhudian_only:
                line["highs"] = run_highs(sys.executable, a.zhudian, scenario, work, a.time_limit)
            line["agree"] = agreement(line)
            for who in ("zhudian", "cpsat"):
                if line[who].get("check", "passed") != "passed":
                    failures += 1
            results.write(json.dumps(line, ensure_ascii=False) + "\n")
            results.flush()
            print(row_text(line), flush=True)
    print()
    print(table([json.loads(ln) for ln in open(results_path, encoding="utf-8")]))
    if failures:
        print(f"error: {failures} roster(s) rejected by zhudian check", file=sys.stderr)
        return 1
    return 0


def agreement(line):
    """Both proven optimal: the objectives must agree (a disagreement is a bug in one)."""
    z, c = line["zhudian"], line["cpsat"]
    if z.get("status") == "optimal" and c.get("status") == "optimal":
        same = abs(z["objective"] - c["objective"]) <= 1e-6 * max(1, abs(z["objective"]))
        return "same" if same else f"DIFFER {z['objective']} vs {c['objective']}"
    if z.get("status") == "infeasible" and c.get("status") == "infeasible":
        return "same"
    if "optimal" in (z.get("status"), c.get("status")):
        opt = z if z.get("status") == "optimal" else c
        other = c if opt is z else z
        if other.get("objective") is not None and other["objective"] < opt["objective"] - 1e-6 * max(1, opt["objective"]):
            return "BELOW THE OPTIMUM"
        if other.get("bound") is not None and other["bound"] > opt["objective"] + 1e-6 * max(1, opt["objective"]):
            return "BOUND ABOVE THE OPTIMUM"
    return "—"


def fmt(x, d=2):
    return "—" if x is None else f"{x:.{d}f}"


def cell(res):
    if not res:
        return "", ""
    st = res.get("status", "?")
    obj = res.get("objective")
    b = res.get("bound")
    gap = None
    if obj is not None and b is not None:
        gap = abs(obj - b) / max(abs(obj), 1e-9)
    txt = st if st != "feasible" or gap is None else f"feasible {gap * 100:.2f}%"
    if res.get("check") not in (None, "passed"):
        txt += " **" + res["check"] + "**"
    return txt, fmt(res.get("wall"), 2)


def row_text(line):
    z, c, h = line["zhudian"], line["cpsat"], line.get("highs")
    zs, zt = cell(z)
    cs, ct = cell(c)
    hs, ht = cell(h) if h else ("", "")
    ratio = "—"
    if z.get("wall") and c.get("wall"):
        ratio = f"{z['wall'] / c['wall']:.2f}"
    obj = z.get("objective") if z.get("objective") is not None else c.get("objective")
    return (f"| {line['name']} | {z.get('model', '—')} | {fmt(obj)} | {zs} | {zt} | {cs or '—'} | {ct or '—'} | {ratio} | "
            f"{hs or '—'} | {ht or '—'} | {line['agree']} |")


def table(lines):
    head = ("| scenario | zhudian model | objective | zhudian | z s | CP-SAT | CP-SAT s | z/CP-SAT | HiGHS (dumped MIP) | "
            "HiGHS s | optima |\n| --- | --- | ---: | --- | ---: | --- | ---: | ---: | --- | ---: | --- |")
    return head + "\n" + "\n".join(row_text(ln) for ln in lines)


if __name__ == "__main__":
    sys.exit(main())
