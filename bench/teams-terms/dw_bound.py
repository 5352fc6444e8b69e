"""Per-unit Dantzig-Wolfe bound of a dumped teams model (`zhudian plan FILE --dump-model M.lp`).

Each unit's columns are its sequences of sites (one link per term) with the exact cheapest
staffing of that sequence: the unit's own rows (team, ban, ccool, consec, home, fair, rep...)
solved as a small MIP with the links fixed, cached by the reduced rows. The master keeps the
rows that tie units together (recv, pair2, short-cycle rows) and prints its LP bound and,
with a time limit as second argument, the master MIP under HiGHS. Writes M.lp.cols.pkl for
rostercost.py. Needs `pip install highspy numpy`. (Issue 21, item 3, sixth round.)
"""
import sys, re, itertools, time, collections
import highspy, numpy as np
path = sys.argv[1]
h = highspy.Highs(); h.setOptionValue("output_flag", False)
h.readModel(path)
lp = h.getLp()
cn = list(lp.col_names_); rn = list(lp.row_names_)
nC, nR = len(cn), len(rn)
A = lp.a_matrix_
start, idx, val = list(A.start_), list(A.index_), list(A.value_)
rows = [[] for _ in range(nR)]
for j in range(nC):
    for q in range(start[j], start[j+1]):
        rows[idx[q]].append((j, val[q]))
cost = list(lp.col_cost_); off = lp.offset_
rlo, rup = list(lp.row_lower_), list(lp.row_upper_)
clo, cup = list(lp.col_lower_), list(lp.col_upper_)
def strip(n): return re.sub(r'^x\d+_', '', n)
names = [strip(n) for n in cn]
# unit of each column
unit = [None]*nC
yinfo = {}
for j, n in enumerate(names):
    m = re.match(r'y_(\d+)_(\d+)_(\d+)$', n)
    if m:
        u, v, k = map(int, m.groups()); unit[j] = u; yinfo[j] = (u, v, k)
    m = re.match(r'rep_(\d+)_(\d+)$', n)
    if m: unit[j] = int(m.group(1))
personUnit = {}
for r, n in enumerate(rn):
    m = re.match(r'r\d+_team_(\d+)_(\d+)$', n)
    if m:
        u = int(m.group(1))
        for j, a in rows[r]:
            mz = re.match(r'z_(\d+)_(\d+)$', names[j])
            if mz: personUnit[int(mz.group(1))] = u
for j, n in enumerate(names):
    m = re.match(r'[zt]_(\d+)_(\d+)$', n)
    if m: unit[j] = personUnit[int(m.group(1))]
assert all(u is not None for u in unit), [names[j] for j in range(nC) if unit[j] is None][:5]
units = sorted(set(unit))
T = max(k for (_, _, k) in yinfo.values())
local = collections.defaultdict(list); coupling = []
for r in range(nR):
    us = set(unit[j] for j, _ in rows[r])
    if len(us) == 1: local[us.pop()].append(r)
    else:
        assert all(j in yinfo for j, _ in rows[r]), rn[r]
        coupling.append(r)
print("cols", nC, "rows", nR, "coupling", len(coupling), "T", T)
t0 = time.time()
cols = []  # (unit, seq(tuple of y cols), cost)
cache = {}
nsolve = 0
for u in units:
    ys = [[j for j in yinfo if yinfo[j][0] == u and yinfo[j][2] == k] for k in range(1, T+1)]
    others = [j for j in range(nC) if unit[j] == u and j not in yinfo]
    oset = set(others)
    lr = local[u]
    for seq in itertools.product(*ys):
        on = set(seq)
        sig = []; ok = True
        for r in lr:
            c = sum(a for j, a in rows[r] if j in on)
            rest = [(j, a) for j, a in rows[r] if j in oset]
            lo, up = rlo[r] - c, rup[r] - c
            mn = sum(a*(clo[j] if a > 0 else cup[j]) for j, a in rest)
            mx = sum(a*(cup[j] if a > 0 else clo[j]) for j, a in rest)
            if mx < lo - 1e-9 or mn > up + 1e-9: ok = False; break
            if mn >= lo - 1e-9 and mx <= up + 1e-9: continue
            sig.append((tuple(rest), lo, up))
        if not ok: continue
        sig = tuple(sorted(sig))
        if sig not in cache:
            nsolve += 1
            m = highspy.Highs(); m.setOptionValue("output_flag", False)
            vmap = {}
            for j in others:
                vmap[j] = len(vmap)
            inf = highspy.kHighsInf
            m.addVars(len(others), np.array([clo[j] for j in others]), np.array([cup[j] for j in others]))
            m.changeColsCost(len(others), np.arange(len(others), dtype=np.int32), np.array([cost[j] for j in others]))
            integ = list(lp.integrality_)
            m.changeColsIntegrality(len(others), np.arange(len(others), dtype=np.int32), np.array([integ[j] for j in others]))
            for rest, lo, up in sig:
                m.addRow(lo, up, len(rest), np.array([vmap[j] for j, _ in rest], dtype=np.int32), np.array([a for _, a in rest]))
            m.run()
            st = m.getModelStatus()
            cache[sig] = m.getInfo().objective_function_value if st == highspy.HighsModelStatus.kOptimal else None
        sc = cache[sig]
        if sc is None: continue
        cols.append((u, seq, sc + sum(cost[j] for j in seq)))
print("sequences", len(cols), "distinct staffing problems", nsolve, "time %.1f" % (time.time()-t0))
# master
def master(integral, tl=60):
    m = highspy.Highs(); m.setOptionValue("output_flag", False); m.setOptionValue("time_limit", float(tl))
    n = len(cols)
    m.addVars(n, np.zeros(n), np.ones(n))
    m.changeColsCost(n, np.arange(n, dtype=np.int32), np.array([c for _, _, c in cols]))
    if integral: m.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.ones(n, dtype=np.uint8))
    # convexity
    byu = collections.defaultdict(list)
    for i, (u, s, c) in enumerate(cols): byu[u].append(i)
    for u in units:
        m.addRow(1, 1, len(byu[u]), np.array(byu[u], dtype=np.int32), np.ones(len(byu[u])))
    colsOfY = collections.defaultdict(list)
    for i, (u, s, c) in enumerate(cols):
        for j in s: colsOfY[j].append(i)
    for r in coupling:
        coef = collections.defaultdict(float)
        for j, a in rows[r]:
            for i in colsOfY[j]: coef[i] += a
        ks = sorted(coef)
        m.addRow(rlo[r], rup[r], len(ks), np.array(ks, dtype=np.int32), np.array([coef[i] for i in ks]))
    t = time.time(); m.run()
    info = m.getInfo()
    return m.getModelStatus(), info.objective_function_value + off, getattr(info, 'mip_dual_bound', None), time.time() - t
import pickle
pickle.dump((cols, names, coupling, [rows[r] for r in coupling], [rlo[r] for r in coupling], [rup[r] for r in coupling], [rn[r] for r in coupling], yinfo, cost), open(path + ".cols.pkl", "wb"))
s, v, b, t = master(False); print("DW LP", s, "%.2f" % v, "%.1fs" % t)
s, v, b, t = master(True, float(sys.argv[2]) if len(sys.argv) > 2 else 60); print("DW IP", s, "%.2f" % v, "bound", b, "%.1fs" % t)
