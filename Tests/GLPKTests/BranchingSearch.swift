import CGLPK
import XCTest

/// The branch and bound the Driebeck–Tomlin tests run: GLPK's own search, presolve on and
/// quiet (GLPK's cuts on when asked), with a test's branching callback and its context object.
enum BranchingSearch {
    /// The callback GLPK calls at each reason; it gets `context` as its second argument.
    typealias Callback = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void

    /// Solves `problem` with `callback`, asserts an optimum, and returns its value.
    static func optimum(
        _ problem: OpaquePointer, context: AnyObject, cuts: Bool = false, callback: Callback,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Double {
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_ON
        if cuts {
            // Rows added during the search: GLPK's MIR, cover and Gomory cuts.
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = GLP_ON
            parm.gmi_cuts = GLP_ON
        }
        parm.cb_func = callback
        parm.cb_info = Unmanaged.passUnretained(context).toOpaque()
        let saved = glp_term_out(GLP_OFF)
        let rc = withExtendedLifetime(context) { glp_intopt(problem, &parm) }
        glp_term_out(saved)
        XCTAssertEqual(rc, 0, file: file, line: line)
        XCTAssertEqual(glp_mip_status(problem), GLP_OPT, file: file, line: line)
        return glp_mip_obj_val(problem)
    }
}
