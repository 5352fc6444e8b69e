import CGLPKGuard

/// How a process that runs GLPK searches keeps the memory it frees.
///
/// By default glibc's `free` gives the top of the heap back to the system as soon as more than
/// 128 KiB of it is free, and the next allocation faults the pages in again. GLPK allocates and
/// frees its working arrays at every node of a search (the node's LP, the cut pool, the
/// branching rule's copy of the node's matrix), so a search of a few hundred nodes spends a
/// tenth of its time in the kernel: peer row 07 (free 9 × 3, 303 nodes) took 41 000 page
/// faults and about 0.13 s of system time of 1.6 s (docs/FORMULATION.md, "Free placement,
/// twelfth round, second wave"). Keeping up to 64 MiB of freed heap, and sending allocations
/// below 32 MiB (the largest threshold glibc's own adjustment reaches; setting one threshold
/// turns that adjustment off) to the heap, removes those faults.
///
/// It sets a process-wide policy, so only an executable calls it. It changes no result, only
/// where freed memory goes.
public enum ProcessHeap {
    /// Freed memory at the top of the heap kept before glibc trims it.
    static let trimThreshold: Int32 = 64 << 20
    /// Allocations at least this large are mapped on their own (and unmapped when freed).
    static let mmapThreshold: Int32 = 32 << 20

    /// Sets both thresholds; returns whether the C library took them (false where it is not
    /// glibc, which leaves the process as it was).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        zd_keep_freed_heap(trimThreshold, mmapThreshold) == 1
    }
}
