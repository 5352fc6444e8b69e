#!/usr/bin/env python3
"""A differential sweep: does zhudian ever claim a roster, a bound or "optimal" that the
CP-SAT model of the same rules (cpsat_model.py, written from the SPEC alone) refutes?

Many small random scenarios (peer.py's generator: `zhudian generate` plus the staying-on and
distance-cap edits), each planned by zhudian at several time limits and solved once by the
CP-SAT model (2 workers), serially. The long limit (30 s: free placement with staying on
goes to the full model from there) runs only where it is cheap or takes another path. A scenario is flagged when
- `zhudian check` rejects a roster (zhudian's or CP-SAT's), or zhudian exits outside SPEC's
  list (0, 1, 3), exits 70, dies by a signal or hangs (limit x 3 + 30 s);
- zhudian's bound is above a CP-SAT roster's cost, or its "optimal" objective is above one;
- zhudian's roster costs less than CP-SAT's proven bound (both proven: they differ);
- one says infeasible and the other has a roster;
- zhudian has no roster (exit 3) at a limit >= 10 s where CP-SAT found one in its limit;
- one zhudian run's bound is above another run's roster;
- two of zhudian's proven (optimal) runs of the same scenario differ in roster.json, the
  solve's seconds aside.
Flagged scenarios are copied into OUT/findings/. Writes OUT/results.jsonl (one line per
scenario) and prints a summary at the end.

    /tmp/ha-venv/bin/python bench/peer/sweep.py --zhudian .build/release/zhudian \\
        --out /tmp/sweep --seed 13 --count 150 --limits 0.5,2,10 --long-limit 30 --cpsat-limit 10
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peer  # noqa: E402

ALLOWED_EXITS = {0, 1, 3}


# The seeded and priced people models and the priced teams model (the paths rounds 10-13 added:
# GuessedGap, SeedAfterGuess, PersonRestart, PricedPersonSolve's guess, PricedTeamSolve's kept
# root, PricedPersonSolve.guessedSeconds) apply only above 3 x 8 sending units
# (PersonSeed.worthwhile, PricedTeamSolve.worthwhile): a sweep over 5-14 enterprises never
# reaches them, so --units 25-34 is the second sweep.
SEEDED_ABOVE = 24


def draw(rng, index, units):
    """One scenario's shape: (enterprises, structure, terms, history, extras) as in peer.LADDER."""
    n = rng.randint(*units)
    structure = rng.choice(["ring", "cycles", "free"])
    ex = {"seed": 1000 + index, "counties": rng.choice([1, 1, 2])}
    if rng.random() < 0.5:
        ex["stay"] = True
    if rng.random() < 0.4:
        ex["pins"] = rng.randint(1, 3)
    if rng.random() < 0.4:
        ex["forbid"] = rng.randint(1, 3)
    if rng.random() < 0.3:
        ex["cap"] = True
        ex["cap_nearest"] = rng.randint(3, 6)
    if structure == "cycles":
        ex["mc"] = rng.choice([3, 3, 4, 5])
    return n, structure, rng.randint(1, 3), rng.randint(0, 2), ex


def tag(index, row):
    n, structure, terms, history, ex = row
    name = peer.name_of(0, row)[3:]
    if ex.get("cap"):
        name = name.replace("-cap", f"-cap{ex['cap_nearest']}")
    if ex.get("forbid"):
        name += f"-forbid{ex['forbid']}"
    return f"{index:03d}-{name}"


def plan(zhudian, scenario, out, limit):
    """One zhudian run: its exit, status, objective, bound and the roster without its seconds."""
    shutil.rmtree(out, ignore_errors=True)
    r, wall = peer.timed([zhudian, "plan", scenario, "-o", out, "--quiet", "--formats", "json",
                          "--time-limit", str(limit)], limit * 3 + 30)
    res = {"limit": limit, "wall": round(wall, 3)}
    if r is None:
        res["status"] = "hang"
        return res, None
    res["exit"] = r.returncode
    if r.returncode != 0:
        res["status"] = {1: "infeasible", 3: "no roster"}.get(r.returncode, f"exit {r.returncode}")
        res["stderr"] = r.stderr.strip()[-300:]
        return res, None
    roster = os.path.join(out, "roster.json")
    doc = json.load(open(roster, encoding="utf-8"))
    solve = doc["solve"]
    res.update(status=solve["status"], objective=solve["objective"], bound=solve["bound"])
    res["check"] = peer.check(zhudian, scenario, roster)
    model = [ln for ln in r.stdout.split("\n") if "model)" in ln]
    res["model"] = model[0].rsplit("(", 1)[-1].rstrip(")") if model else "?"
    doc["solve"].pop("seconds", None)
    return res, json.dumps(doc, sort_keys=True, ensure_ascii=False)


def tol(x):
    return 1e-3 + 1e-7 * abs(x)


def judge(runs, cp):
    """The findings for one scenario (empty: nothing wrong)."""
    found = []
    c_obj, c_bound, c_st = cp.get("objective"), cp.get("bound"), cp.get("status")
    if cp.get("check", "passed") != "passed":
        found.append(f"CP-SAT roster rejected: {cp['check']}")
    if c_st not in ("optimal", "feasible", "infeasible", "no roster"):
        found.append(f"CP-SAT run: {c_st}")
    proven = []
    for z in runs:
        lim, st = z["limit"], z.get("status")
        if st == "hang":
            found.append(f"{lim} s: hang")
            continue
        if z["exit"] not in ALLOWED_EXITS:
            found.append(f"{lim} s: exit {z['exit']} {z.get('stderr', '')[-120:]}")
            continue
        if z.get("check", "passed") != "passed":
            found.append(f"{lim} s: roster rejected: {z['check']}")
        if st == "infeasible" and c_obj is not None:
            found.append(f"{lim} s: infeasible, CP-SAT has a roster of {c_obj}")
        if st == "no roster" and lim >= 10 and c_obj is not None:
            found.append(f"{lim} s: no roster, CP-SAT has one of {c_obj}")
        if z.get("objective") is None:
            continue
        if c_st == "infeasible":
            found.append(f"{lim} s: roster of {z['objective']}, CP-SAT proved infeasible")
        if c_obj is not None and z.get("bound") is not None and z["bound"] > c_obj + tol(c_obj):
            found.append(f"{lim} s: bound {z['bound']} above CP-SAT's roster {c_obj}")
        if st == "optimal" and c_obj is not None and z["objective"] > c_obj + tol(c_obj):
            found.append(f"{lim} s: 'optimal' {z['objective']} above CP-SAT's roster {c_obj}")
        if c_bound is not None and z["objective"] < c_bound - tol(c_bound):
            found.append(f"{lim} s: roster {z['objective']} below CP-SAT's bound {c_bound}")
        if st == "optimal":
            proven.append(z)
    # zhudian against itself: no run's bound above another run's roster.
    rosters = [(z["objective"], z["limit"]) for z in runs if z.get("objective") is not None]
    for z in runs:
        for obj, lim in rosters:
            if z.get("bound") is not None and z["bound"] > obj + tol(obj):
                found.append(f"{z['limit']} s: bound {z['bound']} above the {lim} s run's roster {obj}")
    texts = {z["limit"]: z.pop("roster_text") for z in runs if "roster_text" in z}
    same = {texts[z["limit"]] for z in proven if z["limit"] in texts}
    if len(same) > 1:
        found.append("proven runs differ: " + ",".join(str(z["limit"]) for z in proven))
    return found


def one(a, index, row, work):
    os.makedirs(work, exist_ok=True)
    scenario = os.path.join(work, "scenario.yaml")
    peer.generate(a.zhudian, scenario, index, row)
    runs = []
    for lim in a.limits:
        res, text = plan(a.zhudian, scenario, os.path.join(work, f"z{lim}"), lim)
        if text is not None:
            res["roster_text"] = text
        runs.append(res)
    # From 30 s free placement with people staying on goes to the full model's guessed search.
    free_stay = row[1] == "free" and row[4].get("stay") and row[0] > SEEDED_ABOVE
    if a.long_limit and (free_stay or runs[-1].get("status") in ("optimal", "infeasible")):
        res, text = plan(a.zhudian, scenario, os.path.join(work, f"z{a.long_limit}"), a.long_limit)
        if text is not None:
            res["roster_text"] = text
        runs.append(res)
    cp = peer.run_cpsat(a.python, a.zhudian, scenario, os.path.join(work, "cpsat.json"), a.cpsat_limit)
    found = judge(runs, cp)
    return {"name": tag(index, row), "row": row[:4], "extras": row[4], "zhudian": runs, "cpsat": cp,
            "findings": found}


def summary(lines):
    n = len(lines)
    by = {}
    for ln in lines:
        by[ln["row"][1]] = by.get(ln["row"][1], 0) + 1
    cp_opt = sum(1 for ln in lines if ln["cpsat"].get("status") == "optimal")
    cp_inf = sum(1 for ln in lines if ln["cpsat"].get("status") == "infeasible")
    out = [f"scenarios: {n} ({', '.join(f'{k} {v}' for k, v in sorted(by.items()))})",
           f"CP-SAT proved optimal: {cp_opt}, proved infeasible: {cp_inf}"]
    limits = sorted({z["limit"] for ln in lines for z in ln["zhudian"]})
    for lim in limits:
        zs = [z for ln in lines for z in ln["zhudian"] if z["limit"] == lim]
        count = {}
        for z in zs:
            count[z.get("status")] = count.get(z.get("status"), 0) + 1
        out.append(f"zhudian at {lim} s: " + ", ".join(f"{k} {v}" for k, v in sorted(count.items())))
        models = {}
        for z in zs:
            if z.get("model"):
                models[z["model"]] = models.get(z["model"], 0) + 1
        if models:
            out.append("  models: " + ", ".join(f"{k} {v}" for k, v in sorted(models.items())))
    worst = []
    for ln in lines:
        c = ln["cpsat"]
        for z in ln["zhudian"]:
            if z.get("objective") is not None and c.get("objective") is not None:
                worst.append((z["objective"] / max(c["objective"], 1e-9), z["limit"], ln["name"]))
    worst.sort(reverse=True)
    out.append("highest zhudian / CP-SAT objective ratios: " +
               "; ".join(f"{r:.4f} ({name} at {lim} s)" for r, lim, name in worst[:5]))
    out.append("lowest: " + "; ".join(f"{r:.4f} ({name} at {lim} s)" for r, lim, name in worst[-3:]))
    gaps = [(z["objective"] / max(z["bound"], 1e-9), z["limit"], ln["name"]) for ln in lines for z in ln["zhudian"]
            if z.get("status") == "feasible" and z.get("bound")]
    gaps.sort(reverse=True)
    out.append("widest zhudian objective / own bound (feasible): " +
               "; ".join(f"{r:.4f} ({name} at {lim} s)" for r, lim, name in gaps[:3]))
    both = sum(1 for ln in lines if ln["cpsat"].get("status") == "optimal" and
               any(z.get("status") == "optimal" for z in ln["zhudian"]))
    out.append(f"both proved optimal: {both}")
    flagged = [ln for ln in lines if ln["findings"]]
    out.append(f"flagged scenarios: {len(flagged)}")
    for ln in flagged:
        out.append(f"  {ln['name']}: " + " | ".join(ln["findings"]))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description="Differential sweep of zhudian against the CP-SAT model "
                                             "on small random scenarios (see the file's header).")
    ap.add_argument("--zhudian", required=True, help="the zhudian binary")
    ap.add_argument("--out", required=True, help="work folder (scenarios, rosters, results.jsonl)")
    ap.add_argument("--seed", type=int, default=13, help="seed of the scenario shapes (default 13)")
    ap.add_argument("--units", default="5-14", help="enterprises, a range (default 5-14)")
    ap.add_argument("--count", type=int, default=150, help="scenarios to draw (default 150)")
    ap.add_argument("--first", type=int, default=0, help="skip the first N drawn scenarios (resume)")
    ap.add_argument("--limits", default="0.5,2,10", help="zhudian's time limits, comma-separated")
    ap.add_argument("--long-limit", type=float, default=30,
                    help="one more run at this limit where it is cheap (the last limit proved) or where "
                         "it takes another path (free placement with staying on); 0: none")
    ap.add_argument("--cpsat-limit", type=float, default=10, help="CP-SAT's time limit (default 10 s)")
    ap.add_argument("--budget", type=float, default=0, help="start no scenario after this many seconds")
    ap.add_argument("--python", default=sys.executable, help="Python with ortools (default: this one)")
    ap.add_argument("--summary", action="store_true", help="only print the summary of OUT/results.jsonl")
    a = ap.parse_args()
    a.limits = [float(x) if "." in x else int(x) for x in a.limits.split(",")]
    results_path = os.path.join(a.out, "results.jsonl")
    if a.summary:
        lines = [json.loads(x) for x in open(results_path, encoding="utf-8")]
        for ln in lines:  # judged again: the rules may have grown since the run
            ln["findings"] += [f for f in judge(ln["zhudian"], ln["cpsat"]) if f not in ln["findings"]]
        print(summary(lines))
        return 0
    os.makedirs(os.path.join(a.out, "findings"), exist_ok=True)
    rng = random.Random(a.seed)
    units = tuple(int(x) for x in a.units.split("-"))
    rows = [draw(rng, i, units) for i in range(a.count)]
    started = time.monotonic()
    with open(results_path, "a", encoding="utf-8") as results:
        for index in range(a.first, a.count):
            if a.budget and time.monotonic() - started > a.budget:
                print(f"budget spent: stopped before scenario {index}", flush=True)
                break
            row = rows[index]
            work = os.path.join(a.out, tag(index, row))
            line = one(a, index, row, work)
            if line["findings"]:
                shutil.copy(os.path.join(work, "scenario.yaml"), os.path.join(a.out, "findings", line["name"] + ".yaml"))
            else:
                shutil.rmtree(work)
            results.write(json.dumps(line, ensure_ascii=False) + "\n")
            results.flush()
            zs = " ".join(f"{z['limit']}:{z.get('status')}" for z in line["zhudian"])
            print(f"{line['name']}: {zs} cpsat:{line['cpsat'].get('status')} "
                  f"{'FLAG ' + ' | '.join(line['findings']) if line['findings'] else 'ok'}", flush=True)
    print(summary([json.loads(x) for x in open(results_path, encoding="utf-8")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
