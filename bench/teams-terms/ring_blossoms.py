"""Exact-ish odd-cut blossom separation (Letchford-Reinelt-Theis split graph, Gomory-Hu tree)
per term on x_e = y_uv + y_vu; every row verified on the point before it is returned."""
import collections, networkx as nx

def blossoms(x, y, T, nodes, tol=1e-6):
    out = []
    for k in range(1, T + 1):
        xe = collections.defaultdict(float)
        for (u, v, kk), j in y.items():
            if kk == k and x[j] > 1e-9: xe[(min(u, v), max(u, v))] += x[j]
        G = nx.Graph(); G.add_nodes_from(nodes)
        label = collections.Counter()
        for (a, b), val in xe.items():
            if val >= 1 - 1e-9 or val <= 1e-9:
                # whole or empty: a plain edge of capacity x (F never needs it as 1-x=0 side... keep both)
                pass
            ke = ('e', a, b)
            G.add_edge(a, ke, weight=val)
            G.add_edge(ke, b, weight=max(0.0, 1 - val))
            label[ke] += 1; label[b] += 1
        odd = {n for n in G.nodes if label[n] % 2 == 1}
        if not odd: continue
        GT = nx.gomory_hu_tree(G, capacity='weight')
        seen = set()
        for a, b, d in GT.edges(data=True):
            if d['weight'] >= 1 - 1e-6: continue
            T2 = GT.copy(); T2.remove_edge(a, b)
            S = nx.node_connected_component(T2, a)
            if len(S & odd) % 2 == 0: continue
            H = frozenset(n for n in S if not isinstance(n, tuple))
            if len(H) < 3 or len(H) > len(nodes) - 3: continue
            if H in seen: continue
            seen.add(H)
            leaving = [(e, val) for e, val in xe.items() if (e[0] in H) != (e[1] in H)]
            F = [e for e, val in leaving if val > 0.5]
            if len(F) % 2 == 0:
                cand = sorted(leaving, key=lambda ev: abs(ev[1] - 0.5))
                if not cand: continue
                e0 = cand[0][0]
                F = [e for e in F if e != e0] if e0 in F else F + [e0]
            if len(F) % 2 == 0: continue
            inside = sum(val for e, val in xe.items() if e[0] in H and e[1] in H)
            lhs = inside + sum(xe[e] for e in F)
            rhs = len(H) + (len(F) - 1) / 2
            if lhs > rhs + tol:
                out.append((k, H, tuple(F), rhs))
    return out
