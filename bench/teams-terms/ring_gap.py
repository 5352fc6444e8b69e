"""Where a ring-over-terms model's root gap is (peer row 23, issue 21 item 3, seventh round).

`python3 ring_gap.py M.lp MODE [seconds] [clq] [two] [bls] [nosec]` on a dumped teams model
(`zhudian plan FILE --dump-model M.lp`; a ring's subtour rows are lazy, so they are separated
here per term by minimum cuts of the undirected support, and the LP/MIP is solved again until
none is violated). MODE: `lp`; `zint` / `repint` (only the `z` / `rep` columns integral);
`yint:1,2` (links of those terms integral); `mip`; `dist` (LP with the people costs at 0).
Row families added first: `clq` rewrites every `rclq` row whose (unit, site, window) has a
`ucool` row between terms j and j+2 without `rep` (what `rnot` rows are); `two` adds the
two-site rows `Σ_k (y[u,a,k] + y[u,b,k]) − rep[u,j] ≤ 2`; `bls` separates odd-cut blossom
rows per term (ring_blossoms.py); `nosec` leaves subtours alone (cycles).
Needs `pip install highspy numpy networkx`."""
import sys, re, time, collections, itertools
import numpy as np, highspy, networkx as nx

def load(path):
    h = highspy.Highs(); h.setOptionValue("output_flag", False); h.readModel(path)
    return h

def ycols(lp):
    y = {}
    for j, nm in enumerate(lp.col_names_):
        m = re.match(r'x\d+_y_(\d+)_(\d+)_(\d+)$', nm)
        if m: y[tuple(map(int, m.groups()))] = j
    return y

def subtour_cuts(x, y, T, nodes, tol=1e-6):
    """Per term: min cut < 2 in the undirected support gives Σ_{S} y ≤ |S|-1 (as out-flow ≥ 1)."""
    cuts = []
    for k in range(1, T + 1):
        G = nx.Graph(); G.add_nodes_from(nodes)
        for (u, v, kk), j in y.items():
            if kk != k or x[j] < 1e-9: continue
            w = G[u][v]['weight'] + x[j] if G.has_edge(u, v) else x[j]
            G.add_edge(u, v, weight=w)
        comps = list(nx.connected_components(G))
        sets = []
        if len(comps) > 1:
            sets = [c for c in comps]
        else:
            T_ = nx.gomory_hu_tree(G, capacity='weight')
            for a, b, d in T_.edges(data=True):
                if d['weight'] < 2 - 1e-6:
                    T2 = T_.copy(); T2.remove_edge(a, b)
                    S = nx.node_connected_component(T2, a)
                    sets.append(S)
        for S in sets:
            if len(S) <= 1 or len(S) >= len(nodes): continue
            S = frozenset(S)
            if len(S) > len(nodes) // 2: S = frozenset(nodes) - S
            cuts.append((k, S))
    return cuts

def add_sec(h, y, k, S):
    idx = [j for (u, v, kk), j in y.items() if kk == k and u in S and v in S]
    if idx:
        h.addRow(-highspy.kHighsInf, len(S) - 1, len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))

USE_BLOSSOM = "bls" in sys.argv
def add_blossom(h, y, k, H, F, rhs):
    Fs = set(F)
    idx = [j for (u, v, kk), j in y.items() if kk == k and ((u in H and v in H) or (min(u, v), max(u, v)) in Fs)]
    h.addRow(-highspy.kHighsInf, rhs, len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))

def sec_loop(h, y, T, nodes, integral, tl=600, verbose=False):
    seen = set(); t0 = time.time(); rounds = 0
    from ring_blossoms import blossoms
    while True:
        h.setOptionValue("time_limit", max(1.0, tl - (time.time() - t0)))
        h.run(); rounds += 1
        info = h.getInfo(); st = h.getModelStatus()
        x = list(h.getSolution().col_value)
        cuts = [] if "nosec" in sys.argv else [c for c in subtour_cuts(x, y, T, nodes) if c not in seen]
        if verbose: print(" round", rounds, st, "%.2f" % info.objective_function_value, len(cuts), "%.1fs" % (time.time() - t0), flush=True)
        if not cuts and USE_BLOSSOM:
            bl = blossoms(x, y, T, nodes)
            if verbose: print("  blossoms", len(bl), flush=True)
            for b in bl: add_blossom(h, y, *b)
            if bl: continue
        if not cuts or time.time() - t0 > tl: return h, x, st, info
        for c in cuts: seen.add(c); add_sec(h, y, *c)

def add_two_site(h, lp, y, T):
    """rep rows over two sites: Σ_{k in window} (y[u,a,k] + y[u,b,k]) − rep[u,j] ≤ 2."""
    rep = {}
    for j, nm in enumerate(lp.col_names_):
        m = re.match(r'x\d+_rep_(\d+)_(\d+)$', nm)
        if m: rep[tuple(map(int, m.groups()))] = j
    cnt = 0
    by = collections.defaultdict(list)
    for (u, v, k), j in y.items(): by[(u, v)].append((k, j))
    sites = collections.defaultdict(set)
    for (u, v) in by: sites[u].add(v)
    for (u, w), r in rep.items():
        win = {w, w + 1, w + 2}
        for a, b in itertools.combinations(sorted(sites[u]), 2):
            idx = [j for k, j in by[(u, a)] + by[(u, b)] if k in win]
            if len(idx) < 3: continue
            h.addRow(-highspy.kHighsInf, 2, len(idx) + 1, np.array(idx + [r], dtype=np.int32), np.array([1.0] * len(idx) + [-1.0]))
            cnt += 1
    print("two-site rows", cnt)

def clique_from_ucool(h, lp):
    """rclq[u,v,j] without rep where ucool[u,v,j,j+2] holds: pcool + ucool form a triangle."""
    uc = set()
    for nm in lp.row_names_:
        m = re.match(r'r\d+_ucool_(\d+)_(\d+)_(\d+)_(\d+)$', nm)
        if m:
            u, v, j, k = map(int, m.groups())
            if k == j + 2: uc.add((u, v, j))
    repcol = {}
    for j, nm in enumerate(lp.col_names_):
        m = re.match(r'x\d+_rep_(\d+)_(\d+)$', nm)
        if m: repcol[tuple(map(int, m.groups()))] = j
    cnt = 0
    for r, nm in enumerate(lp.row_names_):
        m = re.match(r'r\d+_rclq_(\d+)_(\d+)_(\d+)$', nm)
        if m:
            u, v, j = map(int, m.groups())
            if (u, v, j) in uc:
                h.changeCoeff(r, repcol[(u, j)], 0.0); cnt += 1
    print("cliques", cnt)

if __name__ == "__main__":
    path, mode = sys.argv[1], sys.argv[2]
    tl = float(sys.argv[3]) if len(sys.argv) > 3 else 300
    h = load(path); lp = h.getLp(); n = lp.num_col_
    y = ycols(lp); T = max(k for _, _, k in y); nodes = sorted(set(u for u, _, _ in y))
    integ = np.array(lp.integrality_, dtype=np.uint8) if len(lp.integrality_) else np.zeros(n, dtype=np.uint8)
    want = np.zeros(n, dtype=np.uint8)
    names = list(lp.col_names_)
    if mode == "mip": want = (integ > 0).astype(np.uint8)
    elif mode.startswith("yint"):
        terms = set(map(int, mode.split(":")[1].split(",")))
        for (u, v, k), j in y.items():
            if k in terms: want[j] = 1
    elif mode == "zint":
        for j, nm in enumerate(names):
            if re.match(r'x\d+_z_', nm): want[j] = 1
    elif mode == "repint":
        for j, nm in enumerate(names):
            if re.match(r'x\d+_rep_', nm): want[j] = 1
    if mode == "dist":
        cost = np.array(lp.col_cost_)
        for j, nm in enumerate(names):
            if not re.match(r'x\d+_y_', nm): cost[j] = 0
        h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), want)
    if "clq" in sys.argv[4:]:
        clique_from_ucool(h, lp)
    if "two" in sys.argv[4:]:
        add_two_site(h, lp, y, T)
    # LP first with SECs, then the integral mode
    h2, x, st, info = sec_loop(h, y, T, nodes, False, tl, verbose=True)
    print(mode, st, "obj %.2f" % (info.objective_function_value + 0), "bound", getattr(info, "mip_dual_bound", None))
