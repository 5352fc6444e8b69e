"""Prints the LP point of a dumped ring-over-terms model (ring_gap.py's subtour loop): each unit's
sites per term, its `rep` values, and per term the undirected edges that are fractional.
`python3 ring_lp_view.py M.lp [clq] [two]`."""
import sys, re, collections
from ring_gap import *
path = sys.argv[1]
h = load(path); lp = h.getLp(); n = lp.num_col_
y = ycols(lp); T = max(k for _, _, k in y); nodes = sorted(set(u for u, _, _ in y))
h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.zeros(n, dtype=np.uint8))
if "clq" in sys.argv[2:]:
    from ring_gap import clique_from_ucool; clique_from_ucool(h, lp)
if "two" in sys.argv[2:]:
    from ring_gap import add_two_site; add_two_site(h, lp, y, T)
h, x, st, info = sec_loop(h, y, T, nodes, False, 300)
print("LP", info.objective_function_value)
names = [re.sub(r'^x\d+_', '', s) for s in lp.col_names_]
cost = lp.col_cost_
val = dict(zip(names, x))
dist = sum(x[j]*cost[j] for j in range(n) if names[j].startswith('y_'))
print("distance part %.2f, rest %.2f" % (dist, info.objective_function_value - dist))
for u in nodes:
    parts = []
    for k in range(1, T+1):
        s = {v: round(x[j], 3) for (uu, v, kk), j in y.items() if uu == u and kk == k and x[j] > 1e-6}
        parts.append(s)
    reps = {nm: round(v, 3) for nm, v in val.items() if nm.startswith('rep_%d_' % u) and v > 1e-6}
    frac = any(any(0.001 < a < 0.999 for a in s.values()) for s in parts)
    if frac or reps: print(u, parts, reps)
print("undirected per term")
for k in range(1, T+1):
    xe = collections.defaultdict(float)
    for (u, v, kk), j in y.items():
        if kk == k and x[j] > 1e-6: xe[frozenset((u, v))] += x[j]
    frac = {tuple(sorted(e)): round(a, 3) for e, a in xe.items() if 0.001 < a < 0.999}
    whole = [tuple(sorted(e)) for e, a in xe.items() if a >= 0.999]
    print(k, "whole", len(whole), "fractional", len(frac), frac)
    # orientation mixing on whole edges
    mixed = 0
    for e in whole:
        a, b = e
        if 0.001 < x[y[(a, b, k)]] < 0.999 if (a, b, k) in y else False: mixed += 1
    print("  whole edges with mixed orientation", mixed)
