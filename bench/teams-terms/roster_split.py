"""A roster's cost split into distance and the cheapest staffing of its links, on a dumped teams
model: `python3 roster_split.py M.lp roster.json` (units E001… are columns 0…)."""
import sys, json, re
from ring_gap import *
path, roster = sys.argv[1], sys.argv[2]
r = json.load(open(roster))
links = set()
for t in r['terms']:
    for l in t['links']:
        links.add((int(l['from'][1:]) - 1, int(l['to'][1:]) - 1, t['term']))
h = load(path); lp = h.getLp(); n = lp.num_col_
y = ycols(lp)
cost = lp.col_cost_
lo = np.array(lp.col_lower_); up = np.array(lp.col_upper_)
dist = 0
for key, j in y.items():
    if key in links: lo[j] = 1; dist += cost[j]
    else: up[j] = 0
missing = [l for l in links if l not in y]
print("links", len(links), "missing columns", missing)
h.changeColsBounds(n, np.arange(n, dtype=np.int32), lo, up)
h.setOptionValue("time_limit", 120.0)
h.run(); info = h.getInfo()
print(h.getModelStatus(), "total %.2f distance %.2f people %.2f (roster says %.2f)" % (info.objective_function_value, dist, info.objective_function_value - dist, r['solve']['objective']))
