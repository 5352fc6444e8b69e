import CGLPK
import CGLPKGuard
import XCTest

/// `zd_branch_drtom` (drtom.c), which the guard's callback runs in place of GLPK's default
/// branching rule, must choose what GLPK would: the same column and branch at every node, so
/// that the search, its node count and its result stay GLPK's own. Compared node by node on
/// multi-dimensional knapsacks that need a few dozen nodes.
final class DriebeckTomlinTests: XCTestCase {
    /// What the callback saw at each branching: node, active, total nodes and the LP value.
    final class Trace {
        let replace: Bool
        var nodes: [String] = []
        init(replace: Bool) { self.replace = replace }
    }

    /// A knapsack over `n` binary columns and `m` rows, minimising −value; the same for a seed.
    func knapsack(seed: UInt64, n: Int = 36, m: Int = 4) -> OpaquePointer {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31)
        }
        let problem = glp_create_prob()!
        glp_set_obj_dir(problem, GLP_MIN)
        glp_add_cols(problem, Int32(n))
        for j in 1...n {
            glp_set_col_kind(problem, Int32(j), GLP_BV)
            glp_set_obj_coef(problem, Int32(j), -(10 + 90 * next()).rounded())
        }
        glp_add_rows(problem, Int32(m))
        var index = [Int32](repeating: 0, count: n + 1)
        var value = [Double](repeating: 0, count: n + 1)
        for i in 1...m {
            var total = 0.0
            for j in 1...n {
                index[j] = Int32(j)
                value[j] = (5 + 45 * next()).rounded()
                total += value[j]
            }
            glp_set_mat_row(problem, Int32(i), Int32(n), &index, &value)
            glp_set_row_bnds(problem, Int32(i), GLP_UP, 0, (total / 2).rounded())
        }
        return problem
    }

    /// Solves `problem` with GLPK's default rule, or with `zd_branch_drtom` choosing; the trace.
    func search(_ problem: OpaquePointer, replace: Bool) -> (trace: [String], objective: Double) {
        let trace = Trace(replace: replace)
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_ON
        parm.cb_func = { tree, info in
            guard let tree, let info, glp_ios_reason(tree) == GLP_IBRANCH else { return }
            let trace = Unmanaged<Trace>.fromOpaque(info).takeUnretainedValue()
            let lp = glp_ios_get_prob(tree)
            var active: Int32 = 0
            var total: Int32 = 0
            glp_ios_tree_size(tree, &active, nil, &total)
            trace.nodes.append("\(glp_ios_curr_node(tree)) \(active) \(total) \(glp_get_obj_val(lp))")
            if trace.replace { zd_branch_drtom(tree, lp) }
        }
        parm.cb_info = Unmanaged.passUnretained(trace).toOpaque()
        let saved = glp_term_out(GLP_OFF)
        let rc = withExtendedLifetime(trace) { glp_intopt(problem, &parm) }
        glp_term_out(saved)
        XCTAssertEqual(rc, 0)
        XCTAssertEqual(glp_mip_status(problem), GLP_OPT)
        return (trace.nodes, glp_mip_obj_val(problem))
    }

    func testItChoosesWhatGLPKChoosesAtEveryNode() {
        var branched = 0
        for seed in UInt64(1)...8 {
            let mine = knapsack(seed: seed)
            let glpks = knapsack(seed: seed)
            defer {
                glp_delete_prob(mine)
                glp_delete_prob(glpks)
            }
            let ours = search(mine, replace: true)
            let theirs = search(glpks, replace: false)
            XCTAssertEqual(ours.trace, theirs.trace, "seed \(seed): the search went another way")
            XCTAssertEqual(ours.objective, theirs.objective, "seed \(seed)")
            branched += theirs.trace.count
        }
        // Few branchings would compare little.
        XCTAssertGreaterThanOrEqual(branched, 80, "the knapsacks hardly branch: the test proves little")
    }
}
