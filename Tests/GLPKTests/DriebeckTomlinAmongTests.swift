import CGLPK
import CGLPKGuard
import XCTest

/// `zd_branch_drtom_among` (drtom.c), the rule ``SolveOptions/branchFirstByDegradation`` asks
/// for: among the flagged fractional columns, the largest product of the down and up bound
/// changes. Compared node by node with a reference written through GLPK's own tableau rows,
/// on the knapsacks of ``DriebeckTomlinTests`` with every other column flagged.
final class DriebeckTomlinAmongTests: XCTestCase {
    /// Who chooses the branch at a node where a flagged column is fractional.
    enum Rule { case among, reference }

    /// The flags and the rule the callback reads, and what it saw at each branching.
    final class Trace {
        let rule: Rule
        let flags: [UInt8]
        /// The copy of the search's own rows that `.among` reads through.
        let cache = zd_branch_cache_create()
        var nodes: [String] = []
        var flaggedBranches = 0
        /// Nodes where the cache's matrix was compared with glp_get_mat_col's, and those
        /// where rows added during the search (cuts) were part of it.
        var compared = 0
        var comparedWithCuts = 0
        var disagreed = 0
        init(rule: Rule, flags: [UInt8]) {
            self.rule = rule
            self.flags = flags
        }
        deinit { zd_branch_cache_destroy(cache) }
    }

    /// Flags (1-based) on the odd columns of an `n`-column problem.
    static func oddFlags(_ n: Int) -> [UInt8] {
        (0...n).map { $0 > 0 && $0 % 2 == 1 ? 1 : 0 }
    }

    /// Solves `problem` with `rule` on the flagged columns and GLPK's own rule elsewhere.
    /// With `cuts`, GLPK's cuts on; `.among` then also compares its cache's matrix with
    /// glp_get_mat_col's at every node.
    func search(_ problem: OpaquePointer, rule: Rule, cuts: Bool = false) -> (trace: Trace, objective: Double) {
        let trace = Trace(rule: rule, flags: Self.oddFlags(Int(glp_get_num_cols(problem))))
        let objective = BranchingSearch.optimum(problem, context: trace, cuts: cuts) { tree, info in
            guard let tree, let info, glp_ios_reason(tree) == GLP_IBRANCH else { return }
            let trace = Unmanaged<Trace>.fromOpaque(info).takeUnretainedValue()
            let lp = glp_ios_get_prob(tree)
            trace.nodes.append("\(glp_ios_curr_node(tree)) \(glp_get_obj_val(lp))")
            let branched: Bool
            switch trace.rule {
            case .among:
                DriebeckTomlinAmongTests.compare(tree, lp, trace)
                branched =
                    trace.flags.withUnsafeBufferPointer { zd_branch_drtom_among(tree, lp, $0.baseAddress, trace.cache) }
                    != 0
            case .reference:
                branched = DriebeckTomlinAmongTests.reference(tree, lp, flags: trace.flags)
            }
            if branched { trace.flaggedBranches += 1 }
        }
        return (trace, objective)
    }

    /// Counts whether the cache's matrix is glp_get_mat_col's at this node.
    static func compare(_ tree: OpaquePointer, _ lp: OpaquePointer?, _ trace: Trace) {
        let m = glp_get_num_rows(lp)
        var attr = glp_attr()
        glp_ios_row_attr(tree, m, &attr)
        trace.compared += 1
        if attr.origin != GLP_RF_REG { trace.comparedWithCuts += 1 }
        if zd_branch_cache_agrees(tree, lp, trace.cache) != 1 { trace.disagreed += 1 }
    }

    /// With GLPK's cuts on (rows added and removed during the search), the rule reading the
    /// search's own rows from its cache chooses what the reference chooses, and the cache's
    /// matrix is glp_get_mat_col's, entry for entry and in order, at every node.
    func testTheCachedRowsGiveTheSameMatrixAndChoicesWithCuts() {
        var compared = 0, withCuts = 0
        for seed in UInt64(1)...8 {
            let mine = DriebeckTomlinTests.knapsack(seed: seed)
            let reference = DriebeckTomlinTests.knapsack(seed: seed)
            defer {
                glp_delete_prob(mine)
                glp_delete_prob(reference)
            }
            let ours = search(mine, rule: .among, cuts: true)
            let theirs = search(reference, rule: .reference, cuts: true)
            XCTAssertEqual(ours.trace.nodes, theirs.trace.nodes, "seed \(seed): the search went another way")
            XCTAssertEqual(ours.objective, theirs.objective, "seed \(seed)")
            XCTAssertEqual(ours.trace.disagreed, 0, "seed \(seed): the cached matrix differs from GLPK's")
            compared += ours.trace.compared
            withCuts += ours.trace.comparedWithCuts
        }
        XCTAssertGreaterThanOrEqual(compared, 40, "few nodes compared: the test proves little")
        XCTAssertGreaterThanOrEqual(withCuts, 20, "few nodes with cuts: the added rows' order is not tested")
    }

    func testItChoosesWhatTheReferenceChoosesAtEveryNode() {
        var flagged = 0
        for seed in UInt64(1)...8 {
            let mine = DriebeckTomlinTests.knapsack(seed: seed)
            let reference = DriebeckTomlinTests.knapsack(seed: seed)
            let plain = DriebeckTomlinTests.knapsack(seed: seed)
            defer {
                glp_delete_prob(mine)
                glp_delete_prob(reference)
                glp_delete_prob(plain)
            }
            let ours = search(mine, rule: .among)
            let theirs = search(reference, rule: .reference)
            XCTAssertEqual(ours.trace.nodes, theirs.trace.nodes, "seed \(seed): the search went another way")
            XCTAssertEqual(ours.trace.flaggedBranches, theirs.trace.flaggedBranches, "seed \(seed)")
            var parm = glp_iocp()
            glp_init_iocp(&parm)
            parm.msg_lev = GLP_MSG_OFF
            parm.presolve = GLP_ON
            XCTAssertEqual(glp_intopt(plain, &parm), 0)
            XCTAssertEqual(ours.objective, glp_mip_obj_val(plain), "seed \(seed): not GLPK's optimum")
            flagged += ours.trace.flaggedBranches
        }
        XCTAssertGreaterThanOrEqual(flagged, 40, "few branchings on flagged columns: the test proves little")
    }

    /// The rule through `glp_eval_tab_row`: each flagged fractional basic column's down and
    /// up changes (dual ratio test, Tomlin's rounding, the sign check of GLPK's rule, absolute
    /// values), the largest product of the two (each at least 1e-6) first-found on ties, its
    /// smaller branch first; when no product passes 1e-12, the most fractional flagged
    /// column × (1 + |cost|), up first. False (nothing done) when no flagged column is
    /// fractional.
    static func reference(_ tree: OpaquePointer?, _ lp: OpaquePointer?, flags: [UInt8]) -> Bool {
        let m = glp_get_num_rows(lp), n = glp_get_num_cols(lp)
        let candidates = (1...n).filter { flags[Int($0)] != 0 && glp_ios_can_branch(tree, $0) != 0 }
        guard !candidates.isEmpty, glp_get_status(lp) == GLP_OPT, glp_bf_exists(lp) != 0 else { return false }
        let minimize = glp_get_obj_dir(lp) == GLP_MIN
        var index = [Int32](repeating: 0, count: Int(m + n) + 1)
        var value = [Double](repeating: 0, count: Int(m + n) + 1)
        var chosen: Int32 = 0, next = GLP_NO_BRNCH, best = -1.0
        for j in candidates where glp_get_col_stat(lp, j) == GLP_BS {
            let change = TableauDegradation.changes(lp, column: j, minimize: minimize, index: &index, value: &value)
                .map { abs($0) }
            let score = max(change[0], 1e-6) * max(change[1], 1e-6)
            if score > best {
                best = score
                chosen = j
                next = change[0] < change[1] ? GLP_DN_BRNCH : GLP_UP_BRNCH
            }
        }
        if chosen == 0 || best <= 1e-12 {
            var most = -1.0
            for j in candidates {
                let x = glp_get_col_prim(lp, j), f = x - x.rounded(.down)
                let score = min(f, 1 - f) * (1 + abs(glp_get_obj_coef(lp, j)))
                if score > most {
                    most = score
                    chosen = j
                }
            }
            next = GLP_UP_BRNCH
        }
        glp_ios_branch_upon(tree, chosen, next)
        return true
    }
}
