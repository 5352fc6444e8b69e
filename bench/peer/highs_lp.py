#!/usr/bin/env python3
"""Solves a CPLEX LP file (zhudian's `plan --dump-model`) with HiGHS and prints one JSON line:
{"status", "objective", "bound"}. It shows whether the formulation or GLPK is the limit."""
import argparse
import json
import sys

import highspy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lp")
    ap.add_argument("--time-limit", type=float, default=60)
    a = ap.parse_args()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", a.time_limit)
    h.setOptionValue("threads", 2)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.readModel(a.lp)
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    out = {"status": h.modelStatusToString(status).lower()}
    if status == highspy.HighsModelStatus.kOptimal:
        out.update(status="optimal", objective=info.objective_function_value, bound=info.mip_dual_bound)
    elif info.primal_solution_status == 2:  # a feasible point
        out.update(status="feasible", objective=info.objective_function_value, bound=info.mip_dual_bound)
    elif status == highspy.HighsModelStatus.kInfeasible:
        out["status"] = "infeasible"
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
