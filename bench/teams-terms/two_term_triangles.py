"""Two-term triangle rows on a dumped teams model's LP (tried in the sixth round, not kept).

For a triple S and terms k, k+1 the links inside S form, per term, nothing, one link or a
path of two (no 2- or 3-cycles: rings, or cycles with minCycle >= 4), and no link is used in
both terms (pairCooldown >= 1). `fam` adds the rows sum over both terms of 4 links <= 3 for
the 6 four-link sets that hold no two link-disjoint paths; `local` separates every facet of
the 12-link projection by an LP over its feasible points. `python3 two_term_triangles.py
M.lp fam|local ROUNDS`.
"""
# Two-term triangle rows: for a triple S and terms k, k+1, the arcs inside S in each term form
# at most a path of two arcs (no 2- or 3-cycles), and no arc is used in both terms.
import sys, re, itertools, collections, numpy as np, highspy
import dumped
path, mode, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
h, lp = dumped.relaxation(path); n = lp.num_col_
Y, T, nodes = dumped.links(lp)
def configs():
    out = [frozenset()]
    arcs = [(a, b) for a in range(3) for b in range(3) if a != b]
    out += [frozenset([e]) for e in arcs]
    for p in itertools.permutations(range(3)):
        out.append(frozenset([(p[0], p[1]), (p[1], p[2])]))
    return arcs, out
arcs, cfg = configs()
pairs = [(c1, c2) for c1 in cfg for c2 in cfg if not (c1 & c2)]
pts = np.array([[1 if e in c1 else 0 for e in arcs] + [1 if e in c2 else 0 for e in arcs] for c1, c2 in pairs], dtype=float)
# hand family: 4-arc subsets A with no two arc-disjoint 2-paths inside: sum over both terms <= 3
paths = [c for c in cfg if len(c) == 2]
fam = []
for A in itertools.combinations(arcs, 4):
    A = set(A)
    inside = [p for p in paths if p <= A]
    if not any(not (p & q) for p, q in itertools.combinations(inside, 2)):
        fam.append(A)
print("4-arc subsets with RHS 3:", len(fam), "of 15")
h.run(); print("round 0 LP %.2f" % h.getInfo().objective_function_value, flush=True)
added = 0
for r in range(rounds):
    x = h.getSolution().col_value
    new = 0
    for S in itertools.combinations(nodes, 3):
        for k in range(1, T):
            def col(e, kk):
                return Y.get((S[e[0]], S[e[1]], kk))
            vals = np.array([x[col(e, k)] if col(e, k) is not None else 0 for e in arcs] + [x[col(e, k + 1)] if col(e, k + 1) is not None else 0 for e in arcs])
            if vals.sum() <= 3 + 1e-6 and mode == 'fam': continue
            if mode == 'fam':
                best = None
                for A in fam:
                    lhs = sum(vals[i] + vals[6 + i] for i, e in enumerate(arcs) if e in A)
                    if lhs > 3 + 1e-6 and (best is None or lhs > best[0]): best = (lhs, A)
                if best:
                    cs = [(col(e, kk), 1.0) for e in best[1] for kk in (k, k + 1) if col(e, kk) is not None]
                    h.addRow(-highspy.kHighsInf, 3, len(cs), np.array([c for c, _ in cs], dtype=np.int32), np.array([a for _, a in cs])); new += 1
            else:
                if vals.sum() < 1e-6: continue
                # local cut: max a.x - b st a.p - b <= 0, -1<=a<=1
                m = highspy.Highs(); m.setOptionValue("output_flag", False)
                m.addVars(13, np.array([-1.0]*12 + [-50.0]), np.array([1.0]*12 + [50.0]))
                m.changeColsCost(13, np.arange(13, dtype=np.int32), np.concatenate([-vals, [1.0]]))
                for p in pts:
                    m.addRow(-highspy.kHighsInf, 0, 13, np.arange(13, dtype=np.int32), np.concatenate([p, [-1.0]]))
                m.run(); sol = m.getSolution().col_value
                viol = -m.getInfo().objective_function_value
                if viol > 1e-4:
                    a, b = sol[:12], sol[12]
                    cs = []
                    for i, e in enumerate(arcs):
                        for kk, ai in ((k, a[i]), (k + 1, a[6 + i])):
                            c = col(e, kk)
                            if c is not None and abs(ai) > 1e-9: cs.append((c, ai))
                    h.addRow(-highspy.kHighsInf, b, len(cs), np.array([c for c, _ in cs], dtype=np.int32), np.array([v for _, v in cs])); new += 1
    added += new
    h.run(); print("round", r + 1, "rows +%d" % new, "LP %.2f" % h.getInfo().objective_function_value, flush=True)
    if not new: break
