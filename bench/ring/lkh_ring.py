#!/usr/bin/env python3
"""LKH-3 (PyPI's elkai) on the link costs zhudian's teams model pays, for a one-term ring.

Issue 21, item 4: is zhudian's ring as cheap as LKH-3's on the same costs? For one term the
teams model is an asymmetric TSP over the enterprises: link u -> v costs
    w_d * m_v * km(u, v)  +  w_f * (the m_v smallest `served` among u's people free for v)
(SPEC section 3; with one term the fairness cost of a placed person is w_f * served), and a
link is possible when the unit-level rules allow it (self, group, unit forbid, distance cap,
pair cooldown from history) and u has m_v people free for v (eligible for the term, not
handing over at a history site when term 1 starts, no person forbid or person cooldown at v),
at most qualified(u) - keepAtHome of them.

The script replicates those rules from the scenario file, and never trusts itself: it prices
zhudian's roster with them (must equal zhudian's objective) and writes LKH's ring as a roster
that `zhudian check` judges (rules and objective). A benchmark tool, never a dependency.

    lkh_ring.py SCENARIO ZHUDIAN_ROSTER_JSON --zhudian BIN [--runs 10] [--out DIR]
"""
import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import time

import elkai
import elkai._elkai
import yaml


def km(a, b):
    """Great-circle kilometres, as ZhudianCore's GreatCircle (0 without a location)."""
    if a is None or b is None:
        return 0.0
    r, rad = 6371.0, math.pi / 180
    d_lat = (b["lat"] - a["lat"]) * rad
    d_lon = (b["lon"] - a["lon"]) * rad
    h = math.sin(d_lat / 2) ** 2 + math.cos(a["lat"] * rad) * math.cos(b["lat"] * rad) * math.sin(d_lon / 2) ** 2
    return 2 * r * math.asin(min(1, math.sqrt(h)))


def date(s):
    return dt.date.fromisoformat(str(s))


def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    return dt.date(d.year + y, mo + 1, d.day)


class Costs:
    """The one-term link costs and the people each link would take."""

    def __init__(self, s):
        cal, rules, obj = s["calendar"], s["rules"], s["objective"]
        if int(cal.get("terms", 1)) != 1 or rules.get("structure") != "ring":
            sys.exit("lkh_ring.py: one-term ring scenarios only")
        if s.get("pins"):
            sys.exit("lkh_ring.py: pins are not handled (LKH-3 would not keep them)")
        self.units = [u for u in s["units"] if u.get("kind", "enterprise") == "enterprise" and u.get("active", True)]
        if len(self.units) != len(s["units"]):
            sys.exit("lkh_ring.py: offices or inactive units are not handled")
        self.ids = [u["id"] for u in self.units]
        self.index = {u: i for i, u in enumerate(self.ids)}
        n = len(self.units)
        start = date(cal["start"])
        end = add_months(start, int(cal["termMonths"])) - dt.timedelta(days=1)
        self.start, self.end = start, end
        h = int(cal.get("handoverDays", 0))
        self.leave = end + dt.timedelta(days=h)
        w_d, w_f = float(obj.get("distance", 1)), float(obj.get("fairness", 0))
        min_staff = [int(u.get("minStaff", rules["minStaff"])) for u in self.units]
        cap = rules.get("maxDistanceKm")
        keep = int(rules.get("keepAtHome", 0))
        need_q = bool(rules.get("requireQualified", True))
        history = s.get("history") or []
        people = s.get("people") or []
        # History terms: the last entry is term 0.
        hist_sites = {}  # (person, term) -> set of sites
        hist_links = {}  # term -> set of (u, v)
        unit_of = {p["id"]: p["unit"] for p in people}
        for h_i, entry in enumerate(history):
            t = h_i - (len(history) - 1)
            for st in entry.get("stays") or []:
                hist_sites.setdefault((st["person"], t), set()).add(st["site"])
                hist_links.setdefault(t, set()).add((unit_of[st["person"]], st["site"]))
        unit_forbid, person_forbid = set(), {}
        for f in s.get("forbid") or []:
            if "unit" in f:
                unit_forbid.add((f["unit"], f["site"]))
            else:
                person_forbid.setdefault(f["person"], set()).add(f["site"])

        def absent(p, a, b):
            return any(date(x["from"]) <= b and a <= date(x["to"]) for x in p.get("unavailable") or [])

        # Placeable people per unit with their cost and own banned sites.
        free = {u: [] for u in self.ids}
        qualified = {u: 0 for u in self.ids}
        p_cool = int(rules.get("personCooldown", 0))
        for p in people:
            if not p.get("active", True):
                continue
            if p.get("qualified", True):
                qualified[p["unit"]] += 1
            if need_q and not p.get("qualified", True):
                continue
            if absent(p, start, end):
                continue
            if h > 0 and absent(p, end + dt.timedelta(days=1), end + dt.timedelta(days=h)):
                continue  # may only stay on: not placeable in the teams model
            if h > 0 and hist_sites.get((p["id"], 0)):
                continue  # still handing over at a history site when term 1 starts
            banned = set(person_forbid.get(p["id"], set()))
            if p_cool > 0:
                for t in range(max(1 - p_cool, 1 - len(history)), 1):
                    banned |= hist_sites.get((p["id"], t), set())
            free[p["unit"]].append((float(p.get("served", 0)), p["id"], banned))
        for u in free:
            free[u].sort(key=lambda x: (x[0], x[1]))
        pair_cool = int(rules.get("pairCooldown", 0))
        cooled = set()
        for t in range(1 - pair_cool, 1):
            cooled |= hist_links.get(t, set())
        same_group = rules.get("sameGroup", "forbid") == "forbid"
        self.cost = [[None] * n for _ in range(n)]
        self.team = [[None] * n for _ in range(n)]
        for i, u in enumerate(self.units):
            for j, v in enumerate(self.units):
                if i == j:
                    continue
                if same_group and u.get("group") and u.get("group") == v.get("group"):
                    continue
                if (u["id"], v["id"]) in unit_forbid or (u["id"], v["id"]) in cooled:
                    continue
                d = km(u.get("location"), v.get("location"))
                if cap is not None and u.get("location") and v.get("location") and d > float(cap):
                    continue
                m = min_staff[j]
                if need_q and m > qualified[u["id"]] - keep:
                    continue
                team = [x for x in free[u["id"]] if v["id"] not in x[2]][:m]
                if len(team) < m:
                    continue
                self.cost[i][j] = w_d * m * d + w_f * sum(x[0] for x in team)
                self.team[i][j] = [x[1] for x in team]

    def ring_cost(self, succ):
        return sum(self.cost[i][j] for i, j in enumerate(succ))


def lkh(costs, runs):
    """LKH-3's ring (successor per node) on costs scaled to integers.

    LKH multiplies weights by PRECISION (100 by default) in 32-bit integers: with weights in
    the millions an impossible link overflowed into a cheap one. Here PRECISION = 1 and the
    dearest possible link is 100 000 units (1 unit = 0.004 at 300 enterprises of a county).
    """
    n = len(costs.cost)
    finite = [c for row in costs.cost for c in row if c is not None]
    scale = 100_000 / max(finite)
    big = 2_000_000
    lines = [" ".join(str(0 if i == j else (int(round(c * scale)) if c is not None else big)) for j, c in enumerate(row))
             for i, row in enumerate(costs.cost)]
    problem = (f"TYPE : ATSP\nDIMENSION : {n}\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX\n"
               "EDGE_WEIGHT_SECTION\n" + "\n".join(lines) + "\n")
    params = f"RUNS = {runs}\nPRECISION = 1\nPROBLEM_FILE = :stdin:\n"
    began = time.monotonic()
    tour = [x - 1 for x in elkai._elkai.solve_problem(params, problem)]
    seconds = time.monotonic() - began
    best = None
    # Read both ways: which way elkai hands an asymmetric tour back is not documented.
    for order in (tour, tour[::-1]):
        succ = [0] * n
        for a, b in zip(order, order[1:] + order[:1]):
            succ[a] = b
        if all(costs.cost[i][j] is not None for i, j in enumerate(succ)):
            if best is None or costs.ring_cost(succ) < costs.ring_cost(best):
                best = succ
    if best is None:
        sys.exit("lkh_ring.py: LKH-3's ring uses a link that is not possible")
    return best, seconds


def roster_from(costs, succ, template):
    """zhudian's roster file with LKH's links and teams."""
    r = json.loads(json.dumps(template))
    term = r["terms"][0]
    term["links"] = [{"from": costs.ids[i], "to": costs.ids[j]} for i, j in enumerate(succ)]
    term["stays"] = [
        {"person": p, "site": costs.ids[j], "arrive": costs.start.isoformat(), "leave": costs.leave.isoformat()}
        for i, j in enumerate(succ) for p in costs.team[i][j]
    ]
    r["solve"] = dict(r["solve"], status="feasible", objective=costs.ring_cost(succ), engine="LKH-3 (elkai)")
    r["solve"]["bound"] = None
    r["solve"]["gap"] = None
    term["stays"].sort(key=lambda st: (st["site"], st["person"]))
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("roster", help="zhudian's roster.json for the scenario")
    ap.add_argument("--zhudian", required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--out", default=".build/lkh")
    a = ap.parse_args()
    s, z = load(a.scenario, a.roster)
    costs = Costs(s)
    index = costs.index
    zsucc = [0] * len(costs.ids)
    for link in z["terms"][0]["links"]:
        zsucc[index[link["from"]]] = index[link["to"]]
    z_links = costs.ring_cost(zsucc)
    z_obj = z["solve"]["objective"]
    if abs(z_links - z_obj) > 1e-6 * max(1, abs(z_obj)):
        sys.exit(f"lkh_ring.py: my link costs price zhudian's ring at {z_links}, zhudian says {z_obj}: fix the script")
    succ, seconds = lkh(costs, a.runs)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, os.path.basename(a.scenario).rsplit(".", 1)[0] + "-lkh.json")
    check = write_checked(a.zhudian, a.scenario, path, roster_from(costs, succ, z))
    bound = z["solve"].get("bound")
    lkh_cost = costs.ring_cost(succ)
    print(json.dumps({
        "scenario": os.path.basename(a.scenario), "enterprises": len(costs.ids),
        "zhudian": z_obj, "zhudian_bound": bound, "zhudian_status": z["solve"]["status"],
        "zhudian_seconds": z["solve"].get("seconds"),
        "lkh": lkh_cost, "lkh_seconds": round(seconds, 2), "lkh_runs": a.runs,
        "lkh_check_exit": check.returncode,
        "zhudian_minus_lkh": z_obj - lkh_cost,
        "bound_below_lkh": None if bound is None else lkh_cost - bound,
    }))
    exit_unless_passed(check)


def load(scenario, roster):
    """The scenario (parsed YAML) and zhudian's roster (parsed JSON)."""
    with open(scenario, encoding="utf-8") as f:
        s = yaml.safe_load(f)
    with open(roster, encoding="utf-8") as f:
        return s, json.load(f)


def write_checked(zhudian, scenario, path, roster):
    """Writes `roster` (a roster file's JSON) to `path` and runs `zhudian check` on it."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(roster, f, ensure_ascii=False)
    return subprocess.run([zhudian, "check", scenario, path], capture_output=True, text=True,
                          env=dict(os.environ, LANG="C"))


def exit_unless_passed(check):
    """Exit 1 with the checker's words when it rejected the roster."""
    if check.returncode != 0:
        print(check.stdout + check.stderr, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
