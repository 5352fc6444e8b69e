import CGLPKGuard

/// The setup every GLPK call needs: a guard session (GLPK's errors caught instead of
/// `abort()`, its terminal output captured instead of printed) created, begun on this
/// thread, ended and destroyed — in that order, on every path.
enum GuardSession {
    /// Why no session could start.
    enum StartFailure: Error {
        /// `zd_session_create` could not allocate.
        case outOfMemory
        /// A session is running on this thread already (a hook of another solve).
        case nested
    }

    /// Runs `during` inside a begun session, then `after` once it has ended (its snapshot,
    /// log and error text are still readable there), then frees it.
    ///
    /// - Parameters:
    ///   - columns: the problem's column count (the session's incumbent buffer).
    ///   - captureLog: whether GLPK's terminal output is kept in the session's log.
    static func run<T, U>(
        columns: Int, captureLog: Bool,
        during: (UnsafeMutablePointer<zd_session>) -> T,
        after: (UnsafeMutablePointer<zd_session>, T) -> U
    ) -> Result<U, StartFailure> {
        guard let session = zd_session_create(Int32(columns), captureLog ? 1 : 0) else {
            return .failure(.outOfMemory)
        }
        defer { zd_session_destroy(session) }
        guard zd_session_begin(session) == 0 else { return .failure(.nested) }
        let value = during(session)
        zd_session_end(session)
        return .success(after(session, value))
    }

    /// ``run(columns:captureLog:during:after:)`` with nothing to read after the session.
    static func run<T>(
        columns: Int, captureLog: Bool, _ during: (UnsafeMutablePointer<zd_session>) -> T
    ) -> Result<T, StartFailure> {
        run(columns: columns, captureLog: captureLog, during: during, after: { _, value in value })
    }
}

extension GuardSession.StartFailure: CustomStringConvertible {
    /// For a solve's failure message.
    var description: String {
        switch self {
        case .outOfMemory: "out of memory before starting GLPK"
        case .nested: "a GLPK solve cannot start inside a hook of another solve on the same thread"
        }
    }
}
