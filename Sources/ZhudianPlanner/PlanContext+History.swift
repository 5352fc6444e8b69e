extension PlanContext {
    /// Rule 7's person cooldown against the history: nil when person `p` may not be at site `v`
    /// in plan term `k` at all, else the plan terms before `k` in which `p` must also be at `v`
    /// (coming back is allowed only by staying on, without a break, since the history stay).
    ///
    /// Shared by every formulation with person columns, so the rule is read one way.
    ///
    /// - Complexity: O(personCooldown · history) lookups.
    func historyRequirement(_ p: Int, _ v: Int, _ k: Int) -> [Int]? {
        let c = scenario.rules.personCooldown
        guard c > 0 else { return [] }
        var t = max(k - c, firstHistoryTerm)
        while t <= 0 {
            if historySites(person: p, term: t).contains(v) {
                // Back at v unless at v in every term from t to k−1.
                var unbroken = true
                var i = t
                while i <= 0 {
                    if !historySites(person: p, term: i).contains(v) { unbroken = false }
                    i += 1
                }
                return unbroken ? Array(1..<k) : nil
            }
            t += 1
        }
        return []
    }
}
