import GLPK
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The heap policy of the executables (`ProcessHeap`): memory freed at the top of the heap stays
/// with the process, so allocating it again faults no page in.
final class ProcessHeapTests: XCTestCase {
    func testFreedHeapIsAllocatedAgainWithoutPageFaults() throws {
        #if canImport(Glibc)
            XCTAssertTrue(ProcessHeap.keepFreedMemory())
            try allocateAndFree()  // the first round grows the heap
            let before = minorFaults()
            for _ in 0..<4 { try allocateAndFree() }
            // glibc's defaults give the 32 MiB back every round: 8 192 pages faulted in again each.
            XCTAssertLessThan(minorFaults() - before, 1024)
        #else
            XCTAssertFalse(ProcessHeap.keepFreedMemory())
        #endif
    }

    #if canImport(Glibc)
        /// 64 blocks of 512 KiB (above glibc's default mmap threshold, below the policy's),
        /// written, then freed last first.
        private func allocateAndFree() throws {
            let size = 512 << 10
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<64 {
                let block = try XCTUnwrap(malloc(size))
                memset(block, 1, size)
                blocks.append(block)
            }
            for block in blocks.reversed() { free(block) }
        }

        private func minorFaults() -> Int {
            var usage = rusage()
            XCTAssertEqual(getrusage(RUSAGE_SELF.rawValue, &usage), 0)
            return usage.ru_minflt
        }
    #endif
}
