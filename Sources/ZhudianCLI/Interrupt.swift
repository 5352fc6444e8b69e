import Foundation
import ZhudianCore
import Synchronization

/// Ctrl-C during a solve: the first press asks the search to stop and keep the best roster
/// found (written with its honest status and gap); a second press ends the process at once.
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    /// Installs the SIGINT handler.
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) {
                _exit(130)
            }
        }
    }
}

/// Prints the search's progress on standard error, at most once a second and only after
/// the first two seconds, so short solves stay quiet.
final class ProgressPrinter: @unchecked Sendable {
    // @unchecked: `lastPrinted` is only touched under `lock`.
    private let lock = NSLock()
    private var lastPrinted = 0.0
    private let console: Console
    private let language: ZhudianCore.Language

    init(console: Console, language: ZhudianCore.Language) {
        self.console = console
        self.language = language
    }

    func report(incumbent: Double?, bound: Double?, gap: Double?, nodes: Int, elapsed: Double) {
        let due: Bool = lock.withLock {
            guard elapsed >= 2, elapsed - lastPrinted >= 1 else { return false }
            lastPrinted = elapsed
            return true
        }
        guard due else { return }
        console.error(
            CLIMessage.progress(
                incumbent: readable(incumbent), bound: readable(bound), gap: gap.map { readable($0 * 100) + "%" } ?? "—",
                nodes: nodes, seconds: readable(elapsed)
            ).render(language))
    }
}
