"""Local cuts over 4-enterprise sets and two consecutive terms on a dumped teams model's LP
(tried in the sixth round, not kept): per term the links inside the set have in- and
out-degree at most 1 and no 2- or 3-cycle, and no link is used in both terms; every facet of
that 24-link projection that the LP violates is added (separated by an LP over the 4 027
feasible points), on sets whose links carry at least MINSUM.
`python3 two_term_local_cuts.py M.lp ROUNDS MINSUM`.
"""
# Local cuts over 4-node sets and two consecutive terms: per term the links inside S form a
# subgraph with in/out degree <= 1 and no 2- or 3-cycle; no link in both terms.
import sys, re, itertools, numpy as np, highspy, time
import dumped
path, rounds, minsum = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
h, lp = dumped.relaxation(path); n = lp.num_col_
Y, T, nodes = dumped.links(lp)
N = 4
arcs = [(a, b) for a in range(N) for b in range(N) if a != b]
def ok(sub):
    outd = {}; ind = {}
    for a, b in sub:
        if a in outd or b in ind: return False
        outd[a] = b; ind[b] = a
    # cycles
    for s in outd:
        x, L = s, 0
        while x in outd:
            x = outd[x]; L += 1
            if x == s:
                if L < 4: return False
                break
            if L > N: break
    return True
cfg = []
for r in range(0, N + 1):
    for sub in itertools.combinations(arcs, r):
        if ok(sub): cfg.append(frozenset(sub))
pts = []
for c1 in cfg:
    for c2 in cfg:
        if not (c1 & c2): pts.append([1 if e in c1 else 0 for e in arcs] + [1 if e in c2 else 0 for e in arcs])
pts = np.array(pts, dtype=float)
print("configs", len(cfg), "points", len(pts), flush=True)
D = 2 * len(arcs)
h.run(); print("round 0 LP %.2f" % h.getInfo().objective_function_value, flush=True)
t0 = time.time()
for r in range(rounds):
    x = h.getSolution().col_value
    new = 0; tried = 0
    for S in itertools.combinations(nodes, N):
        for k in range(1, T):
            cols = [Y.get((S[a], S[b], kk)) for kk in (k, k + 1) for (a, b) in arcs]
            vals = np.array([x[c] if c is not None else 0 for c in cols])
            if vals.sum() < minsum: continue
            tried += 1
            m = highspy.Highs(); m.setOptionValue("output_flag", False)
            m.addVars(D + 1, np.array([-1.0]*D + [-100.0]), np.array([1.0]*D + [100.0]))
            m.changeColsCost(D + 1, np.arange(D + 1, dtype=np.int32), np.concatenate([-vals, [1.0]]))
            # rows as a sparse block
            A = np.hstack([pts, -np.ones((len(pts), 1))])
            for row in A:
                nz = np.nonzero(row)[0]
                m.addRow(-highspy.kHighsInf, 0, len(nz), nz.astype(np.int32), row[nz])
            m.run(); sol = m.getSolution().col_value
            viol = -m.getInfo().objective_function_value
            if viol > 1e-3:
                cs = [(cols[i], sol[i]) for i in range(D) if cols[i] is not None and abs(sol[i]) > 1e-9]
                h.addRow(-highspy.kHighsInf, sol[D], len(cs), np.array([c for c, _ in cs], dtype=np.int32), np.array([v for _, v in cs])); new += 1
    h.run(); print("round", r + 1, "tried", tried, "rows +%d" % new, "LP %.2f" % h.getInfo().objective_function_value, "%.0fs" % (time.time() - t0), flush=True)
    if not new: break
