import CGLPK

/// The reference the Driebeck–Tomlin tests compare the guard's rules with: GLPK's own
/// `branch_drtom` step for one basic column, written through GLPK's API only
/// (`glp_eval_tab_row`, `glp_dual_rtest`), so it shares nothing with drtom.c.
enum TableauDegradation {
    /// The objective's change (signed) when basic column `j` at its LP value is pushed down
    /// (index 0) and up (index 1) by one dual simplex step, Tomlin's rounding included;
    /// `.greatestFiniteMagnitude` where that branch has no entering entry. `minimize` is the
    /// sense the reduced costs' sign check takes. `index` and `value` are scratch of m + n + 1.
    static func changes(
        _ lp: OpaquePointer?, column j: Int32, minimize: Bool, index: inout [Int32], value: inout [Double]
    ) -> [Double] {
        let m = glp_get_num_rows(lp)
        let x = glp_get_col_prim(lp, j)
        let length = glp_eval_tab_row(lp, m + j, &index, &value)
        var change = [0.0, 0.0]
        for side in 0..<2 {
            let pos = glp_dual_rtest(lp, length, &index, &value, side == 0 ? -1 : 1, 1e-9)
            if pos == 0 {
                change[side] = .greatestFiniteMagnitude
                continue
            }
            let k = index[Int(pos)]
            var step = ((side == 0 ? x.rounded(.down) : x.rounded(.up)) - x) / value[Int(pos)]
            if k > m, glp_get_col_kind(lp, k - m) != GLP_CV, abs(step - (step + 0.5).rounded(.down)) > 1e-3 {
                step = step > 0 ? step.rounded(.up) : step.rounded(.down)
            }
            let stat = k <= m ? glp_get_row_stat(lp, k) : glp_get_col_stat(lp, k - m)
            var d = k <= m ? glp_get_row_dual(lp, k) : glp_get_col_dual(lp, k - m)
            let wrongSign = minimize
                ? (stat == GLP_NL && d < 0) || (stat == GLP_NU && d > 0) || stat == GLP_NF
                : (stat == GLP_NL && d > 0) || (stat == GLP_NU && d < 0) || stat == GLP_NF
            if wrongSign { d = 0 }
            change[side] = d * step
        }
        return change
    }
}
