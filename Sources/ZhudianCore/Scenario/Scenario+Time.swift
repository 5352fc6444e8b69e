extension Scenario {
    /// First day of term `k` (1-based): `start + (k-1)·termMonths` months, clamped to the month's end (SPEC §2).
    ///
    /// Term 0, −1, … are the history terms immediately before term 1.
    public func termStart(_ k: Int) -> CivilDate {
        calendar.start.addingMonths((k - 1) * calendar.termMonths)
    }

    /// Last day of term `k`: the day before term `k+1` starts.
    public func termEnd(_ k: Int) -> CivilDate { termStart(k + 1).addingDays(-1) }

    /// The days of term `k`.
    public func termRange(_ k: Int) -> DateRange { DateRange(from: termStart(k), to: termEnd(k)) }

    /// Every day the plan covers, `S_1 … E_last`.
    public var horizon: DateRange { DateRange(from: termStart(1), to: termEnd(calendar.terms)) }

    /// Term numbers 1…terms.
    public var termNumbers: ClosedRange<Int> { 1...max(1, calendar.terms) }

    /// The days a person placed in term `k` is at the site (SPEC §2): arrives on `S_k`, leaves on
    /// `E_k + handoverDays`, or on `E_k` when they stay on at the same site in term `k+1`.
    /// In visiting mode the stay is the term itself.
    public func stayRange(term k: Int, staysOn: Bool) -> DateRange {
        let end = termEnd(k)
        if mode == .visiting || staysOn { return DateRange(from: termStart(k), to: end) }
        return DateRange(from: termStart(k), to: end.addingDays(calendar.handoverDays))
    }
}
