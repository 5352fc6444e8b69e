"""SCIP's zero-half cuts at the root of a dumped teams model, and what they give GLPK's LP.

Reads M.lp (`zhudian plan --dump-model`), solves its root with SCIP (pip `pyscipopt`; presolve
and heuristics off so the cuts are over the model's own columns; every separator but zero-half
off), writes the cuts in the LP at the end of the root to M.lp.zerohalf, then appends groups
of them to the model (all; one term; several terms; up to 7 columns) and prints each LP value
(glpsol --nomip). Twelfth round, second wave (docs/FORMULATION.md, "Zero-half cuts and best
bound after the dives"). `python3 zerohalf_cuts.py M.lp`.
"""
import re, subprocess, sys
from pyscipopt import Eventhdlr, Model, SCIP_EVENTTYPE, SCIP_PARAMSETTING

OTHERS = ["gomory", "gomorymi", "strongcg", "aggregation", "clique", "flowcover", "cmir",
          "knapsackcover", "impliedbounds", "mcf", "oddcycle", "disjunctive", "convexproj",
          "gauge", "intobj", "rapidlearning", "interminor", "mixing", "rlt", "minor", "lagromory"]


class RootCuts(Eventhdlr):
    """Keeps the separators' rows in the LP when the root is solved."""

    def eventinit(self):
        self.rows = []
        self.model.catchEvent(SCIP_EVENTTYPE.NODESOLVED, self)

    def eventexec(self, event):
        for row in self.model.getLPRowsData():
            if "zerohalf" not in row.name:
                continue
            terms = [(v, c.getVar().name.removeprefix("t_")) for c, v in zip(row.getCols(), row.getVals())]
            self.rows.append((terms, row.getRhs()))
        self.model.dropEvent(SCIP_EVENTTYPE.NODESOLVED, self)


def root_cuts(path):
    m = Model()
    m.hideOutput()
    m.readProblem(path)
    m.setPresolve(SCIP_PARAMSETTING.OFF)
    m.setHeuristics(SCIP_PARAMSETTING.OFF)
    m.setParam("limits/nodes", 1)
    for name in OTHERS:
        try:
            m.setParam(f"separating/{name}/freq", -1)
        except LookupError:
            pass
    m.setParam("separating/zerohalf/maxroundsroot", 50)
    handler = RootCuts()
    m.includeEventhdlr(handler, "rootcuts", "the root's zero-half rows")
    m.optimize()
    print(f"SCIP root with zero-half cuts: {m.getDualbound():.2f}, {len(handler.rows)} rows")
    return handler.rows


def terms_of(row):
    """The terms a row's columns belong to (y_u_v_k, z_p_k) and whether people are in it."""
    terms, people = set(), False
    for _, name in row[0]:
        parts = name.split("_")
        terms.add(int(parts[-1]))
        people |= parts[1] == "z"
    return terms, people


def lp_value(path, rows, out):
    text = open(path).read()
    at = text.index("\nBounds")
    lines = "".join(
        f" zh{i}: " + " ".join(f"{v:+g} {n}" for v, n in terms) + f" <= {rhs:g}\n"
        for i, (terms, rhs) in enumerate(rows))
    open(out, "w").write(text[: at + 1] + lines + text[at + 1:])
    log = subprocess.run(["glpsol", "--lp", out, "--nomip", "-o", "/dev/null"],
                         capture_output=True, text=True).stdout
    return float(re.findall(r"^\*\s+\d+: obj =\s+(\S+)", log, re.M)[-1])


path = sys.argv[1]
rows = root_cuts(path)
with open(path + ".zerohalf", "w") as f:
    for terms, rhs in rows:
        f.write(" ".join(f"{v:+g} {n}" for v, n in terms) + f" <= {rhs:g}\n")
groups = {
    "none": [],
    "all": rows,
    "one term": [r for r in rows if len(terms_of(r)[0]) == 1],
    "several terms": [r for r in rows if len(terms_of(r)[0]) > 1],
    "several terms, links only": [r for r in rows if len(terms_of(r)[0]) > 1 and not terms_of(r)[1]],
    "up to 7 columns": [r for r in rows if len(r[0]) <= 7],
}
for name, chosen in groups.items():
    print(f"{name:28} {len(chosen):4} rows  LP {lp_value(path, chosen, path + '.with-cuts.lp'):.2f}")
