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
        let rule: Rule
        var nodes: [String] = []
        init(rule: Rule) { self.rule = rule }
    }

    /// Who chooses the branch: GLPK's default rule, `zd_branch_drtom`, `zd_branch_limited`
    /// over `k` candidates, or ``limitedReference(_:_:limit:)`` (the same rule through
    /// `glp_eval_tab_row`, as the guard computed it before the per-node matrix).
    enum Rule {
        case glpk, drtom, limited(Int32), limitedReference(Int32)
    }

    /// A knapsack over `n` binary columns and `m` rows, minimising −value; the same for a seed.
    static func knapsack(seed: UInt64, n: Int = 36, m: Int = 4) -> OpaquePointer {
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

    /// Solves `problem` with `rule` choosing each branch; the trace and the optimum.
    func search(_ problem: OpaquePointer, rule: Rule) -> (trace: [String], objective: Double) {
        let trace = Trace(rule: rule)
        let objective = BranchingSearch.optimum(problem, context: trace) { tree, info in
            guard let tree, let info, glp_ios_reason(tree) == GLP_IBRANCH else { return }
            let trace = Unmanaged<Trace>.fromOpaque(info).takeUnretainedValue()
            let lp = glp_ios_get_prob(tree)
            var active: Int32 = 0
            var total: Int32 = 0
            glp_ios_tree_size(tree, &active, nil, &total)
            trace.nodes.append("\(glp_ios_curr_node(tree)) \(active) \(total) \(glp_get_obj_val(lp))")
            switch trace.rule {
            case .glpk: break
            case .drtom: zd_branch_drtom(tree, lp)
            case .limited(let k): zd_branch_limited(tree, lp, k)
            case .limitedReference(let k): DriebeckTomlinTests.limitedReference(tree, lp, limit: k)
            }
        }
        return (trace.nodes, objective)
    }

    func testItChoosesWhatGLPKChoosesAtEveryNode() {
        var branched = 0
        for seed in UInt64(1)...8 {
            let mine = Self.knapsack(seed: seed)
            let glpks = Self.knapsack(seed: seed)
            defer {
                glp_delete_prob(mine)
                glp_delete_prob(glpks)
            }
            let ours = search(mine, rule: .drtom)
            let theirs = search(glpks, rule: .glpk)
            XCTAssertEqual(ours.trace, theirs.trace, "seed \(seed): the search went another way")
            XCTAssertEqual(ours.objective, theirs.objective, "seed \(seed)")
            branched += theirs.trace.count
        }
        // Few branchings would compare little.
        XCTAssertGreaterThanOrEqual(branched, 80, "the knapsacks hardly branch: the test proves little")
    }

    func testTheLimitedRuleChoosesWhatTheTableauRowsOfGLPKGive() {
        var branched = 0
        for seed in UInt64(1)...8 {
            for limit: Int32 in [1, 3, 20] {
                let mine = Self.knapsack(seed: seed)
                let reference = Self.knapsack(seed: seed)
                defer {
                    glp_delete_prob(mine)
                    glp_delete_prob(reference)
                }
                let ours = search(mine, rule: .limited(limit))
                let theirs = search(reference, rule: .limitedReference(limit))
                XCTAssertEqual(ours.trace, theirs.trace, "seed \(seed), \(limit) candidates: the search went another way")
                XCTAssertEqual(ours.objective, theirs.objective, "seed \(seed), \(limit) candidates")
                branched += theirs.trace.count
            }
        }
        XCTAssertGreaterThanOrEqual(branched, 200, "the knapsacks hardly branch: the test proves little")
    }

    /// The limited rule as written before drtom.c's matrix copy: candidates by fractionality
    /// × (1 + |cost|), each scored by GLPK's own tableau row (`glp_eval_tab_row`) and dual
    /// ratio test, Tomlin's rounding, negative changes as 0, the best-scored one up first
    /// when nothing degrades the bound.
    static func limitedReference(_ tree: OpaquePointer?, _ lp: OpaquePointer?, limit: Int32) {
        let n = glp_get_num_cols(lp)
        guard glp_get_status(lp) == GLP_OPT, glp_bf_exists(lp) != 0 else { return }
        var scored: [(column: Int32, score: Double)] = []
        for j in 1...n where glp_ios_can_branch(tree, j) != 0 {
            let f = glp_get_col_prim(lp, j) - glp_get_col_prim(lp, j).rounded(.down)
            scored.append((j, min(f, 1 - f) * (1 + abs(glp_get_obj_coef(lp, j)))))
        }
        // Stable: equal scores keep the lower column first.
        let candidates = scored.enumerated().sorted {
            $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset
        }.prefix(Int(limit)).map(\.element.column)
        var index = [Int32](repeating: 0, count: Int(n) + 1)
        var value = [Double](repeating: 0, count: Int(n) + 1)
        var chosen: Int32 = 0, next = GLP_NO_BRNCH, degradation = -1.0
        for j in candidates where glp_get_col_stat(lp, j) == GLP_BS {
            // The guard calls its rule with the minimising sign check whatever the sense.
            let change = TableauDegradation.changes(lp, column: j, minimize: true, index: &index, value: &value)
                .map { max($0, 0) }
            if max(change[0], change[1]) > degradation {
                degradation = max(change[0], change[1])
                chosen = j
                next = change[0] < change[1] ? GLP_DN_BRNCH : GLP_UP_BRNCH
            }
            if degradation == .greatestFiniteMagnitude { break }
        }
        if chosen != 0, degradation < 1e-6 * (1 + 0.001 * abs(glp_get_obj_val(lp))) {
            chosen = candidates[0]
            next = GLP_UP_BRNCH
        }
        if chosen != 0 { glp_ios_branch_upon(tree, chosen, next) }
    }
}
