"""The link part of a dumped teams model alone (rows over `y` and `rep` only: send, recv, pair2,
pcool, ucool, rclq) at its distance costs, LP or MIP with subtour rows:
`python3 ring_links_only.py M.lp lp|mip SECONDS`."""
import sys, re
from ring_gap import *
path, mode, tl = sys.argv[1], sys.argv[2], float(sys.argv[3])
h0 = load(path); lp = h0.getLp(); n = lp.num_col_
names = list(lp.col_names_)
keep = [j for j, nm in enumerate(names) if re.match(r'x\d+_(y|rep)_', nm)]
pos = {j: i for i, j in enumerate(keep)}
A = lp.a_matrix_; start, idx, val = list(A.start_), list(A.index_), list(A.value_)
rows = collections.defaultdict(list)
for j in range(n):
    for q in range(start[j], start[j+1]): rows[idx[q]].append((j, val[q]))
h = highspy.Highs(); h.setOptionValue("output_flag", False)
h.addVars(len(keep), np.array([lp.col_lower_[j] for j in keep]), np.array([lp.col_upper_[j] for j in keep]))
h.changeColsCost(len(keep), np.arange(len(keep), dtype=np.int32), np.array([lp.col_cost_[j] for j in keep]))
nr = 0
for r, ent in rows.items():
    if all(j in pos for j, _ in ent):
        h.addRow(lp.row_lower_[r], lp.row_upper_[r], len(ent), np.array([pos[j] for j, _ in ent], dtype=np.int32), np.array([a for _, a in ent])); nr += 1
yy = {}
for j in keep:
    m = re.match(r'x\d+_y_(\d+)_(\d+)_(\d+)$', names[j])
    if m: yy[tuple(map(int, m.groups()))] = pos[j]
T = max(k for _, _, k in yy); nodes = sorted(set(u for u, _, _ in yy))
print("rows kept", nr)
if mode == "mip":
    h.changeColsIntegrality(len(keep), np.arange(len(keep), dtype=np.int32), np.array([1 if re.match(r'x\d+_y_', names[j]) else 0 for j in keep], dtype=np.uint8))
h, x, st, info = sec_loop(h, yy, T, nodes, False, tl, verbose=True)
print(mode, st, "obj %.2f bound %s" % (info.objective_function_value, getattr(info, 'mip_dual_bound', None)))
