"""LP of a dumped teams model with only the links of some terms integral:
`python3 links_integral.py M.lp 2 90` (terms comma-separated, HiGHS time limit in seconds)."""
import sys, re, numpy as np, highspy
path, terms, tl = sys.argv[1], set(map(int, sys.argv[2].split(','))), float(sys.argv[3])
h = highspy.Highs(); h.setOptionValue("output_flag", False); h.readModel(path)
h.setOptionValue("time_limit", tl)
lp = h.getLp(); n = lp.num_col_
integ = []
for j, nm in enumerate(lp.col_names_):
    m = re.match(r'x\d+_y_\d+_\d+_(\d+)$', nm)
    integ.append(1 if m and int(m.group(1)) in terms else 0)
h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array(integ, dtype=np.uint8))
h.run(); i = h.getInfo()
print(sys.argv[2], h.getModelStatus(), "obj %.2f bound %.2f nodes %d" % (i.objective_function_value, i.mip_dual_bound, i.mip_node_count))
