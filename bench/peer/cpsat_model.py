#!/usr/bin/env python3
"""A CP-SAT model of zhudian's resident-mode rules (SPEC §3), written from the SPEC alone.

This is the peer a user would write instead of zhudian: it reads a scenario YAML, solves it
with OR-Tools CP-SAT, and writes a roster JSON (SPEC §4) that `zhudian check` judges. It is a
benchmark tool, never a runtime dependency of zhudian.

    cpsat_model.py SCENARIO.yaml ROSTER.json --time-limit 60 --workers 2

Prints one JSON line: {"status", "objective", "bound", "seconds", "vars"}.
Exit 0 with a roster, 1 when proven infeasible, 3 when the limit left no roster.

Two encodings, both exact for the rules:
- teams (ring/cycles with pairCooldown >= 1): nobody can stay on at a site, so a person's
  site is their unit's one link: link booleans y[u,v,k] and placed booleans z[p,k];
- people (free, or pairCooldown 0): x[p,v,k] per eligible person, site and term.
Costs are scaled to integers (1e-6 km); the objective written is recomputed in floats.
"""
import argparse
import calendar
import datetime
import hashlib
import json
import math
import sys
import time

import yaml
from ortools.sat.python import cp_model

SCALE = 1_000_000


def parse_date(s):
    return datetime.date.fromisoformat(str(s))


def add_months(d, months):
    """SPEC §2: a day that does not exist in the month becomes its last day."""
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    last = calendar.monthrange(y, m)[1]
    return datetime.date(y, m, min(d.day, last))


def km(a, b):
    """Great-circle km, R = 6371; 0 where a location is missing (SPEC §3)."""
    if a is None or b is None:
        return 0.0
    r = math.pi / 180
    dlat = (b["lat"] - a["lat"]) * r
    dlon = (b["lon"] - a["lon"]) * r
    h = math.sin(dlat / 2) ** 2 + math.cos(a["lat"] * r) * math.cos(b["lat"] * r) * math.sin(dlon / 2) ** 2
    h = min(1.0, max(0.0, h))
    return 6371.0 * 2 * math.atan2(math.sqrt(h), math.sqrt(1 - h))


class Scenario:
    """The scenario's facts, in file order."""

    def __init__(self, path):
        raw = open(path, "rb").read()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        doc = yaml.safe_load(raw.decode("utf-8-sig"))
        self.name = doc["name"]
        cal = doc["calendar"]
        self.T = int(cal.get("terms", 1))
        self.h = int(cal.get("handoverDays", 0))
        start = parse_date(cal["start"])
        months = int(cal.get("termMonths", 6))
        self.S = {k: add_months(start, (k - 1) * months) for k in range(1, self.T + 2)}
        self.E = {k: self.S[k + 1] - datetime.timedelta(days=1) for k in range(1, self.T + 1)}
        r = doc.get("rules", {})
        self.minStaff = int(r.get("minStaff", 2))
        self.structure = r.get("structure", "cycles")
        self.minCycle = int(r.get("minCycle", 3))
        self.mutualForbid = r.get("mutualPairs", "forbid") == "forbid"
        self.groupForbid = r.get("sameGroup", "forbid") == "forbid"
        self.cPair = int(r.get("pairCooldown", 1))
        self.cPers = int(r.get("personCooldown", 2))
        self.M = int(r.get("maxConsecutiveTerms", 1))
        self.K = int(r.get("keepAtHome", 1))
        self.reqQual = bool(r.get("requireQualified", True))
        self.cap = r.get("maxDistanceKm")
        o = doc.get("objective", {})
        self.wd = float(o.get("distance", 1))
        self.wf = float(o.get("fairness", 20))
        self.units = []
        for u in doc["units"]:
            kind = u.get("kind", "enterprise")
            self.units.append(dict(
                id=u["id"], kind=kind, group=u.get("group"), loc=u.get("location"),
                minStaff=int(u.get("minStaff", self.minStaff)),
                sends=bool(u.get("sends", kind == "enterprise" or self.structure == "free")),
                receives=bool(u.get("receives", kind == "enterprise")), active=bool(u.get("active", True))))
        self.uidx = {u["id"]: i for i, u in enumerate(self.units)}
        self.people = []
        for p in doc.get("people", []):
            self.people.append(dict(
                id=p["id"], unit=self.uidx[p["unit"]], qualified=bool(p.get("qualified", True)),
                active=bool(p.get("active", True)), served=int(p.get("served", 0)),
                away=[(parse_date(a["from"]), parse_date(a["to"])) for a in p.get("unavailable", []) or []]))
        self.pidx = {p["id"]: i for i, p in enumerate(self.people)}
        hist = doc.get("history", []) or []
        # history term j (j <= 0): person -> set of sites
        self.hist = {}
        self.histLinks = {}
        for i, entry in enumerate(hist):
            j = i - (len(hist) - 1)
            stays = {}
            links = set()
            for st in entry.get("stays", []) or []:
                p, v = self.pidx.get(st["person"]), self.uidx.get(st["site"])
                if p is None or v is None:
                    continue
                stays.setdefault(p, set()).add(v)
                links.add((self.people[p]["unit"], v))
            self.hist[j] = stays
            self.histLinks[j] = links
        self.pins = doc.get("pins", []) or []
        self.unitForbid = set()
        self.personForbid = set()
        for f in doc.get("forbid", []) or []:
            v = self.uidx.get(f["site"])
            if "unit" in f:
                self.unitForbid.add((self.uidx[f["unit"]], v))
            else:
                self.personForbid.add((self.pidx[f["person"]], v))
        teams = self.structure in ("ring", "cycles")
        self.sites = [i for i, u in enumerate(self.units) if u["receives"] and u["active"]]
        self.senders = [i for i, u in enumerate(self.units)
                        if u["sends"] and u["active"] and (not teams or u["kind"] == "enterprise")]
        self.km = {}
        for u in self.senders:
            for v in self.sites:
                self.km[u, v] = km(self.units[u]["loc"], self.units[v]["loc"])

    def hist_at(self, p, v, j):
        return v in self.hist.get(j, {}).get(p, ())

    def hist_placed(self, p, j):
        return bool(self.hist.get(j, {}).get(p))

    def link_allowed(self, u, v):
        if u == v:
            return False
        a, b = self.units[u], self.units[v]
        if self.groupForbid and a["group"] is not None and a["group"] == b["group"]:
            return False
        if (u, v) in self.unitForbid:
            return False
        if self.cap is not None and a["loc"] is not None and b["loc"] is not None and self.km[u, v] > self.cap:
            return False
        return True

    def link_cooled(self, u, v, k):
        """A history link u -> v within pairCooldown of plan term k."""
        return any((u, v) in self.histLinks.get(j, ()) for j in range(k - self.cPair, 1) if j < k)

    def absent(self, p, a, b):
        return any(f <= b and a <= t for f, t in self.people[p]["away"])

    def can_serve(self, p):
        q = self.people[p]
        return q["active"] and (q["qualified"] or not self.reqQual) and q["unit"] in self.sender_set

    def qualified_home(self, u):
        return [p for p, q in enumerate(self.people) if q["unit"] == u and q["qualified"] and q["active"]]


class Model:
    def __init__(self, s):
        self.s = s
        s.sender_set = set(s.senders)
        self.m = cp_model.CpModel()
        self.y = {}   # (u, v, k) -> link
        self.z = {}   # (p, k) -> placed
        self.x = {}   # (p, v, k) -> at site (people encoding)
        self.cost = []
        self.teams = s.structure in ("ring", "cycles") and s.cPair >= 1
        self.unitPeople = {u: [] for u in range(len(s.units))}
        for p, q in enumerate(s.people):
            self.unitPeople[q["unit"]].append(p)
        self.feasible = True

    def impossible(self):
        self.m.Add(0 == 1)

    # ---- links

    def build_links(self):
        s = self.s
        for k in range(1, s.T + 1):
            for u in s.senders:
                for v in s.sites:
                    if s.link_allowed(u, v) and not s.link_cooled(u, v, k):
                        self.y[u, v, k] = self.m.NewBoolVar(f"y{u}_{v}_{k}")
        # pair cooldown inside the plan
        for (u, v, k), var in self.y.items():
            for j in range(max(1, k - s.cPair), k):
                if (u, v, j) in self.y:
                    self.m.AddBoolOr([var.Not(), self.y[u, v, j].Not()])

    def structure(self):
        s = self.s
        for k in range(1, s.T + 1):
            if s.structure == "free":
                if s.mutualForbid:
                    for u in s.senders:
                        for v in s.sites:
                            if u < v and (u, v, k) in self.y and (v, u, k) in self.y:
                                self.m.AddBoolOr([self.y[u, v, k].Not(), self.y[v, u, k].Not()])
                continue
            nodes = s.senders
            if set(nodes) != set(s.sites):
                self.impossible()
                return
            arcs = [(u, v, k) for u in nodes for v in nodes if (u, v, k) in self.y]
            if s.structure == "ring" and len(nodes) >= 2:
                idx = {u: i for i, u in enumerate(nodes)}
                self.m.AddCircuit([(idx[u], idx[v], self.y[u, v, k]) for (u, v, _) in arcs])
                continue
            for u in nodes:
                self.m.AddExactlyOne([self.y[a] for a in arcs if a[0] == u])
                self.m.AddExactlyOne([self.y[a] for a in arcs if a[1] == u])
            if s.structure == "ring":
                continue
            if s.minCycle >= 3:
                for (u, v, _) in arcs:
                    if u < v and (v, u, k) in self.y:
                        self.m.AddBoolOr([self.y[u, v, k].Not(), self.y[v, u, k].Not()])
            if s.minCycle >= 4:
                self.min_cycle(nodes, arcs, k)

    def min_cycle(self, nodes, arcs, k):
        """Every cycle holds a leader at position 0; positions grow by one along a link into a
        non-leader, and a link back into a leader leaves from position >= minCycle - 1."""
        s, n = self.s, len(nodes)
        pos = {u: self.m.NewIntVar(0, n - 1, f"pos{u}_{k}") for u in nodes}
        lead = {u: self.m.NewBoolVar(f"lead{u}_{k}") for u in nodes}
        for u in nodes:
            self.m.Add(pos[u] == 0).OnlyEnforceIf(lead[u])
        for (u, v, _) in arcs:
            y = self.y[u, v, k]
            self.m.Add(pos[v] == pos[u] + 1).OnlyEnforceIf([y, lead[v].Not()])
            self.m.Add(pos[u] >= s.minCycle - 1).OnlyEnforceIf([y, lead[v]])

    # ---- people

    def term_ok(self, p, k):
        """Absent during the term itself, or unable to serve at all."""
        s = self.s
        return s.can_serve(p) and not s.absent(p, s.S[k], s.E[k])

    def handover_absent(self, p, k):
        s = self.s
        return s.h > 0 and s.absent(p, s.E[k] + datetime.timedelta(days=1), s.E[k] + datetime.timedelta(days=s.h))

    def site_ok(self, p, v):
        s = self.s
        u = s.people[p]["unit"]
        return (u, v) in s.km and s.link_allowed(u, v) and (p, v) not in s.personForbid

    def build_teams(self):
        """ring/cycles without staying on: z[p,k] and the unit's link."""
        s, m = self.s, self.m
        for k in range(1, s.T + 1):
            for p in range(len(s.people)):
                if not self.term_ok(p, k) or self.handover_absent(p, k):
                    continue
                # still handing over at a history site: staying on would repeat a cooled link
                if k == 1 and s.h > 0 and s.hist_placed(p, 0):
                    continue
                self.z[p, k] = m.NewBoolVar(f"z{p}_{k}")
        for k in range(1, s.T + 1):
            for u in s.senders:
                links = [(v, self.y[u, v, k]) for v in s.sites if (u, v, k) in self.y]
                placed = [self.z[p, k] for p in self.unitPeople[u] if (p, k) in self.z]
                m.Add(sum(placed) == sum(s.units[v]["minStaff"] * y for v, y in links))
                for v, y in links:
                    self.cost.append((s.units[v]["minStaff"] * s.wd * s.km[u, v], y))
        for (p, k), z in self.z.items():
            u = s.people[p]["unit"]
            for v in s.sites:
                if (u, v, k) not in self.y:
                    continue
                banned = (p, v) in s.personForbid or any(
                    s.hist_at(p, v, j) for j in range(k - s.cPers, 1) if j < k)
                if banned:
                    m.AddBoolOr([z.Not(), self.y[u, v, k].Not()])
            if s.h > 0 and (p, k + 1) in self.z:
                m.AddBoolOr([z.Not(), self.z[p, k + 1].Not()])
        # person cooldown inside the plan: j < k, k - j <= cPers (within cPair the link is barred)
        for j in range(1, s.T + 1):
            for k in range(j + s.cPair + 1, min(s.T, j + s.cPers) + 1):
                for u in s.senders:
                    both = [p for p in self.unitPeople[u] if (p, j) in self.z and (p, k) in self.z]
                    if not both:
                        continue
                    again = m.NewBoolVar(f"again{u}_{j}_{k}")
                    for p in both:
                        m.AddBoolOr([self.z[p, j].Not(), self.z[p, k].Not(), again])
                    for v in s.sites:
                        if (u, v, j) in self.y and (u, v, k) in self.y:
                            m.AddBoolOr([again.Not(), self.y[u, v, j].Not(), self.y[u, v, k].Not()])

    def build_people(self):
        """free, or staying on allowed: x[p,v,k]."""
        s, m = self.s, self.m
        for k in range(1, s.T + 1):
            for p in range(len(s.people)):
                if not self.term_ok(p, k):
                    continue
                u = s.people[p]["unit"]
                for v in s.sites:
                    if (u, v, k) not in self.y or not self.site_ok(p, v):
                        continue
                    # handing over at a history site: only staying on there
                    if k == 1 and s.h > 0 and s.hist_placed(p, 0) and not s.hist_at(p, v, 0):
                        continue
                    # absent in the handover days of the last term: cannot stay on
                    if k == s.T and self.handover_absent(p, k):
                        continue
                    self.x[p, v, k] = m.NewBoolVar(f"x{p}_{v}_{k}")
        byPK = {}
        for (p, v, k), x in self.x.items():
            byPK.setdefault((p, k), []).append((v, x))
        for (p, k), xs in byPK.items():
            z = m.NewBoolVar(f"z{p}_{k}")
            m.Add(sum(x for _, x in xs) == z)
            self.z[p, k] = z
        for (p, v, k), x in self.x.items():
            u = s.people[p]["unit"]
            m.AddImplication(x, self.y[u, v, k])
            self.cost.append((s.wd * s.km[u, v], x))
            nxt = self.x.get((p, v, k + 1))
            if self.handover_absent(p, k) and k < s.T:
                # away in the handover days: only staying on
                m.AddImplication(x, nxt) if nxt is not None else m.Add(x == 0)
            if s.h > 0 and (p, k + 1) in self.z:
                # moving on overlaps the handover
                if nxt is not None:
                    m.AddBoolOr([x.Not(), self.z[p, k + 1].Not(), nxt])
                else:
                    m.AddBoolOr([x.Not(), self.z[p, k + 1].Not()])
            self.person_cooldown(p, v, k, x)
        for k in range(1, s.T + 1):
            for v in s.sites:
                at = [self.x[p, v, k] for p in range(len(s.people)) if (p, v, k) in self.x]
                if s.structure == "free":
                    m.Add(sum(at) >= s.units[v]["minStaff"])
            if s.structure != "free":
                for u in s.senders:
                    for v in s.sites:
                        if (u, v, k) in self.y:
                            team = [self.x[p, v, k] for p in self.unitPeople[u] if (p, v, k) in self.x]
                            m.Add(sum(team) == s.units[v]["minStaff"] * self.y[u, v, k])
            else:
                # a link with nobody on it is no link
                for u in s.senders:
                    for v in s.sites:
                        if (u, v, k) in self.y:
                            team = [self.x[p, v, k] for p in self.unitPeople[u] if (p, v, k) in self.x]
                            m.Add(sum(team) >= self.y[u, v, k])

    def person_cooldown(self, p, v, k, x):
        """Back at v after a break within personCooldown: barred; staying on is not a return."""
        s, m = self.s, self.m
        prev = self.x.get((p, v, k - 1)) if k >= 2 else None
        prevConst = k == 1 and s.hist_at(p, v, 0)
        if prevConst:
            return
        for j in range(k - s.cPers, k - 1):
            if j >= 1:
                xj = self.x.get((p, v, j))
                if xj is None:
                    continue
                lits = [x.Not(), xj.Not()] + ([prev] if prev is not None else [])
                m.AddBoolOr(lits)
            elif s.hist_at(p, v, j):
                m.AddImplication(x, prev) if prev is not None else m.Add(x == 0)

    # ---- rules on z

    def consecutive(self):
        s, m = self.s, self.m
        first = min(self.s.hist.keys(), default=1)
        for p in range(len(s.people)):
            for i in range(min(first, 1), s.T + 1):
                window = range(i, i + s.M + 1)
                if window[-1] < 1:
                    continue
                fixed = sum(1 for t in window if t <= 0 and s.hist_placed(p, t))
                vars_ = [self.z[p, t] for t in window if (p, t) in self.z]
                if vars_ and fixed + len(vars_) > s.M:
                    m.Add(sum(vars_) <= s.M - fixed)

    def home(self):
        s, m = self.s, self.m
        if s.K <= 0:
            return
        for u, unit in enumerate(s.units):
            if unit["kind"] != "enterprise" or not unit["active"]:
                continue
            q = s.qualified_home(u)
            for k in range(1, s.T + 1):
                everyone = [self.z[p, k] for p in self.unitPeople[u] if (p, k) in self.z]
                if not everyone:
                    continue
                if len(q) < s.K:
                    for z in everyone:
                        m.Add(z == 0)
                else:
                    mine = [self.z[p, k] for p in q if (p, k) in self.z]
                    if len(mine) > len(q) - s.K:
                        m.Add(sum(mine) <= len(q) - s.K)

    def pins(self):
        s, m = self.s, self.m
        for pin in s.pins:
            k, v = int(pin["term"]), s.uidx[pin["site"]]
            if "unit" in pin:
                y = self.y.get((s.uidx[pin["unit"]], v, k))
                m.Add(y == 1) if y is not None else self.impossible()
            else:
                p = s.pidx[pin["person"]]
                if self.teams:
                    z, y = self.z.get((p, k)), self.y.get((s.people[p]["unit"], v, k))
                    if z is None or y is None:
                        self.impossible()
                    else:
                        m.Add(z == 1)
                        m.Add(y == 1)
                else:
                    x = self.x.get((p, v, k))
                    m.Add(x == 1) if x is not None else self.impossible()

    def fairness(self):
        """A person serving r terms of the plan costs wf * (r * served + 0 + 1 + ... + r-1)."""
        s, m = self.s, self.m
        byP = {}
        for (p, k), z in self.z.items():
            byP.setdefault(p, []).append(z)
        for p, zs in byP.items():
            served = s.people[p]["served"]
            if len(zs) == 1:
                self.cost.append((s.wf * served, zs[0]))
                continue
            steps = [m.NewBoolVar(f"t{p}_{r}") for r in range(1, len(zs) + 1)]
            for a, b in zip(steps, steps[1:]):
                m.AddImplication(b, a)
            m.Add(sum(zs) == sum(steps))
            for r, t in enumerate(steps, start=1):
                self.cost.append((s.wf * (served + r - 1), t))

    def build(self):
        self.build_links()
        self.structure()
        self.build_teams() if self.teams else self.build_people()
        self.consecutive()
        self.home()
        self.pins()
        self.fairness()
        self.m.Minimize(sum(round(c * SCALE) * v for c, v in self.cost if c != 0))


def stays_of(model, solver):
    """(term, person, site) of every stay in the solution."""
    s = model.s
    out = []
    if model.teams:
        for (p, k), z in model.z.items():
            if solver.Value(z):
                u = s.people[p]["unit"]
                v = next(v for v in s.sites if (u, v, k) in model.y and solver.Value(model.y[u, v, k]))
                out.append((k, p, v))
    else:
        out = [(k, p, v) for (p, v, k), x in model.x.items() if solver.Value(x)]
    return out


def true_objective(s, stays):
    served_in_plan = {}
    total = 0.0
    for k, p, v in sorted(stays):
        q = s.people[p]
        total += s.wd * s.km[q["unit"], v]
        total += s.wf * (q["served"] + served_in_plan.get(p, 0))
        served_in_plan[p] = served_in_plan.get(p, 0) + 1
    return total


def roster_json(s, stays, status, objective, bound, seconds):
    at = {(k, p): v for k, p, v in stays}
    terms = []
    for k in range(1, s.T + 1):
        mine = [(p, v) for kk, p, v in stays if kk == k]
        links = sorted({(s.units[s.people[p]["unit"]]["id"], s.units[v]["id"]) for p, v in mine})
        rows = []
        for p, v in mine:
            stays_on = at.get((k + 1, p)) == v
            leave = s.E[k] if stays_on else s.E[k] + datetime.timedelta(days=s.h)
            rows.append({"person": s.people[p]["id"], "site": s.units[v]["id"],
                         "arrive": s.S[k].isoformat(), "leave": leave.isoformat()})
        rows.sort(key=lambda r: (r["site"], r["person"]))
        terms.append({"term": k, "start": s.S[k].isoformat(), "end": s.E[k].isoformat(),
                      "links": [{"from": a, "to": b} for a, b in links], "stays": rows})
    gap = None if bound is None else abs(objective - bound) / max(abs(objective), 1e-9)
    return {"format": "zhudian-roster", "version": 1,
            "scenario": {"name": s.name, "sha256": s.sha256},
            "solve": {"status": status, "objective": objective, "bound": bound, "gap": gap,
                      "seconds": seconds, "engine": "OR-Tools CP-SAT"},
            "terms": terms}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("roster")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    started = time.monotonic()
    s = Scenario(a.scenario)
    model = Model(s)
    model.build()
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, a.time_limit - (time.monotonic() - started))
    solver.parameters.num_workers = a.workers
    code = solver.Solve(model.m)
    seconds = time.monotonic() - started
    info = {"vars": len(model.m.Proto().variables), "encoding": "teams" if model.teams else "people"}
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        stays = stays_of(model, solver)
        obj = true_objective(s, stays)
        if code == cp_model.OPTIMAL:
            status, bound = "optimal", obj
        else:
            status, bound = "feasible", min(obj, solver.BestObjectiveBound() / SCALE)
        doc = roster_json(s, stays, status, obj, bound, seconds)
        with open(a.roster + ".tmp", "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        import os
        os.replace(a.roster + ".tmp", a.roster)
        print(json.dumps(dict(status=status, objective=obj, bound=bound, seconds=seconds, **info)))
        return 0
    if code == cp_model.INFEASIBLE:
        print(json.dumps(dict(status="infeasible", objective=None, bound=None, seconds=seconds, **info)))
        return 1
    print(json.dumps(dict(status="no roster", objective=None, bound=None, seconds=seconds, **info)))
    return 3


if __name__ == "__main__":
    sys.exit(main())
