"""The dumped teams model with only the link (distance) costs kept: people stay feasible but
cost nothing. `python3 distance_only.py M.lp 90` prints the LP and HiGHS's MIP after 90 s."""
import sys, re, numpy as np, highspy
path, tl = sys.argv[1], float(sys.argv[2])
h = highspy.Highs(); h.setOptionValue("output_flag", False); h.readModel(path)
lp = h.getLp(); n = lp.num_col_
cost = np.array(lp.col_cost_)
for j, nm in enumerate(lp.col_names_):
    if not re.match(r'x\d+_y_', nm): cost[j] = 0
h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
integ = np.array(lp.integrality_, dtype=np.uint8)
h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.zeros(n, dtype=np.uint8)); h.run()
print("distance only: LP %.2f" % h.getInfo().objective_function_value, flush=True)
h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), integ)
h.setOptionValue("time_limit", tl); h.run(); i = h.getInfo()
print("distance only: MIP", h.getModelStatus(), "%.2f bound %.2f nodes %d" % (i.objective_function_value, i.mip_dual_bound, i.mip_node_count))
