"""A roster's cost split per unit into distance and staffing, against the unit's cheapest
staffing over all its sequences: `python3 roster_cost.py M.lp.cols.pkl roster.json`
(the pickle from dw_bound.py; enterprise ids E001… map to unit indices 0…)."""
import pickle, sys, json, collections
cols, names, coupling, crows, clo, cup, crn, yinfo, cost = pickle.load(open(sys.argv[1], 'rb'))
d = json.load(open(sys.argv[2]))
colOf = {v: j for j, v in yinfo.items()}
seqs = collections.defaultdict(dict)
for t in d['terms']:
    for l in t['links']: seqs[int(l['from'][1:]) - 1][t['term']] = int(l['to'][1:]) - 1
best = collections.defaultdict(lambda: (1e9, 1e9))
lookup = {}
for u, s, c in cols:
    st = c - sum(cost[j] for j in s)
    lookup[(u, s)] = (c, st)
    if st < best[u][1]: best[u] = (c, st)
tot = 0; dist = 0; extra = 0
for u in sorted(seqs):
    s = tuple(colOf[(u, seqs[u][k], k)] for k in (1, 2, 3))
    c, st = lookup[(u, s)]
    tot += c; dist += c - st; extra += st - best[u][1]
    print(u, [seqs[u][k] for k in (1,2,3)], "cost %.1f staff %.1f (min %.1f)" % (c, st, best[u][1]))
print("total %.2f distance %.2f staffing above per-unit minimum %.2f" % (tot, dist, extra))
