"""Per-term cycle-cover hull bound of a dumped teams model, by column generation.

`python3 term_hull.py M.lp roster.json`: the LP of M with each term's links replaced by a
convex combination of valid cycle covers of that term (priced by a small MIP per term over the
term's own rows: send, recv, pair2, short-cycle rows); the roster's covers start the master.
"""
# Per-term convexification: y of each term must be a convex combination of valid cycle covers.
import sys, re, json, time, collections, numpy as np, highspy
path, roster = sys.argv[1], sys.argv[2]
base = highspy.Highs(); base.setOptionValue("output_flag", False); base.readModel(path)
lp = base.getLp(); cn = [re.sub(r'^x\d+_', '', n) for n in lp.col_names_]; rn = list(lp.row_names_)
yk = {}
for j, n in enumerate(cn):
    m = re.match(r'y_(\d+)_(\d+)_(\d+)$', n)
    if m: yk[j] = tuple(map(int, m.groups()))
T = max(k for _, _, k in yk.values())
colOf = {v: j for j, v in yk.items()}
# relax integrality
n0 = lp.num_col_
base.changeColsIntegrality(n0, np.arange(n0, dtype=np.int32), np.zeros(n0, dtype=np.uint8))
# per-term structure rows (for pricing): rows whose columns are all y of term k
A = lp.a_matrix_; st, ix, va = list(A.start_), list(A.index_), list(A.value_)
rows = [[] for _ in range(lp.num_row_)]
for j in range(n0):
    for q in range(st[j], st[j+1]): rows[ix[q]].append((j, va[q]))
termRows = {k: [r for r in range(lp.num_row_) if rows[r] and all(j in yk and yk[j][2] == k for j, _ in rows[r])] for k in range(1, T+1)}
# linking rows y_a - sum lambda = 0
link = {}
for j in yk:
    base.addRow(0, 0, 1, np.array([j], dtype=np.int32), np.array([1.0])); link[j] = base.getNumRow() - 1
conv = {}
for k in range(1, T+1):
    base.addRow(1, 1, 0, np.array([], dtype=np.int32), np.array([])); conv[k] = base.getNumRow() - 1
def addCover(k, arcs):
    js = [colOf[(u, v, k)] for (u, v) in arcs]
    ri = [link[j] for j in js] + [conv[k]]
    base.addCol(0.0, 0.0, highspy.kHighsInf, len(ri), np.array(ri, dtype=np.int32), np.array([-1.0]*len(js) + [1.0]))
d = json.load(open(roster))
for t in d['terms']:
    addCover(t['term'], [(int(l['from'][1:]) - 1, int(l['to'][1:]) - 1) for l in t['links']])
# pricing models per term
pricers = {}
for k in range(1, T+1):
    ys = [j for j in yk if yk[j][2] == k]
    pm = highspy.Highs(); pm.setOptionValue("output_flag", False)
    loc = {j: i for i, j in enumerate(ys)}
    pm.addVars(len(ys), np.zeros(len(ys)), np.ones(len(ys)))
    pm.changeColsIntegrality(len(ys), np.arange(len(ys), dtype=np.int32), np.ones(len(ys), dtype=np.uint8))
    for r in termRows[k]:
        pm.addRow(lp.row_lower_[r], lp.row_upper_[r], len(rows[r]), np.array([loc[j] for j, _ in rows[r]], dtype=np.int32), np.array([a for _, a in rows[r]]))
    pricers[k] = (pm, ys)
t0 = time.time()
for it in range(400):
    base.run()
    obj = base.getInfo().objective_function_value
    dual = base.getSolution().row_dual
    added = 0
    for k in range(1, T+1):
        pm, ys = pricers[k]
        w = np.array([dual[link[j]] for j in ys])  # reduced cost of cover = -sum(-dual)... column coef -1 in link rows
        # reduced cost of lambda col = 0 - (sum_a (-1)*dual_a + dual_conv) = sum dual_a - dual_conv
        pm.changeColsCost(len(ys), np.arange(len(ys), dtype=np.int32), w)
        pm.run()
        rc = pm.getInfo().objective_function_value - dual[conv[k]]
        if rc < -1e-6:
            x = pm.getSolution().col_value
            addCover(k, [yk[ys[i]][:2] for i in range(len(ys)) if x[i] > 0.5]); added += 1
    if it % 10 == 0: print(it, "%.3f" % obj, "%.0fs" % (time.time() - t0), flush=True)
    if not added: break
print("final", "%.3f" % obj, it, "%.0fs" % (time.time() - t0))
