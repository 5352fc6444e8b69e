"""A dumped teams model (`zhudian plan --dump-model M.lp`) as an LP under HiGHS, and its link
columns: what the sixth round's local-cut scripts start from. Needs `pip install highspy numpy`."""
import re
import numpy as np
import highspy


def relaxation(path):
    """HiGHS with M.lp read and every column continuous, and the LP it holds."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(path)
    lp = h.getLp()
    n = lp.num_col_
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.zeros(n, dtype=np.uint8))
    return h, lp


def links(lp):
    """{(unit, site, term): column} of the link columns `y_u_v_k`, the planned terms' count
    and the units that send."""
    y = {}
    for j, name in enumerate(lp.col_names_):
        m = re.match(r'x\d+_y_(\d+)_(\d+)_(\d+)$', name)
        if m:
            y[tuple(map(int, m.groups()))] = j
    return y, max(k for _, _, k in y), sorted(set(u for u, _, _ in y))
