import XCTest

@testable import ZhudianCore
import ZhudianTestSupport

/// The checker keeps its own copies of the small SPEC helpers (civil-day arithmetic, terms and
/// stays, distance, same group, minStaff, gap, working days, id look-ups) so that a bug in the
/// planner's copies cannot hide from it. Here the two copies must agree everywhere, on seeded
/// random dates and on scenarios from ``ScenarioGenerator``.
final class JudgeAgreementTests: XCTestCase {
    // MARK: - Civil days

    func testLeapYearsAndMonthLengthsAgree() {
        for year in -1200...2800 {
            XCTAssertEqual(JudgeCalendar.isLeap(year), CivilDate.isLeap(year), "\(year)")
            for month in 1...12 {
                XCTAssertEqual(
                    JudgeCalendar.length(year: year, month: month), CivilDate.daysIn(year: year, month: month),
                    "\(year)-\(month)")
            }
        }
    }

    func testDayArithmeticAgreesOnRandomDates() {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<20_000 {
            // About 200 BC to AD 10000: both sides of 1970, of year 1 and of every leap rule.
            let date = CivilDate(dayNumber: rng.int(in: -800_000...2_950_000))
            XCTAssertEqual(JudgeCalendar.serial(date), date.dayNumber, date.description)
            XCTAssertEqual(JudgeCalendar.weekday(date), date.weekday, date.description)
            let n = rng.int(in: -3_000...3_000)
            XCTAssertEqual(JudgeCalendar.addingDays(n, to: date), date.addingDays(n), "\(date) + \(n) days")
            let other = CivilDate(dayNumber: rng.int(in: -800_000...2_950_000))
            XCTAssertEqual(JudgeCalendar.days(from: date, to: other), date.days(to: other), "\(date) → \(other)")
            let months = rng.int(in: -200...200)
            XCTAssertEqual(JudgeCalendar.addingMonths(months, to: date), date.addingMonths(months), "\(date) + \(months) months")
        }
    }

    func testMonthEndsAndLeapDaysAgree() {
        var ends = 0
        for year in 1896...2104 {
            for month in 1...12 {
                for day in 28...31 {
                    guard let date = CivilDate(year: year, month: month, day: day) else { continue }
                    ends += 1
                    for n in -30...30 {
                        XCTAssertEqual(JudgeCalendar.addingMonths(n, to: date), date.addingMonths(n), "\(date) + \(n) months")
                    }
                }
            }
        }
        // 209 years × (12 × 28ths … 7 × 31sts) — every month end was tried.
        XCTAssertGreaterThan(ends, 209 * 40)
        let leapDay = Fixtures.day("2024-02-29")
        XCTAssertEqual(JudgeCalendar.addingMonths(12, to: leapDay).description, "2025-02-28")
        XCTAssertEqual(JudgeCalendar.addingMonths(48, to: leapDay).description, "2028-02-29")
        XCTAssertEqual(JudgeCalendar.addingMonths(6, to: Fixtures.day("2022-08-31")).description, "2023-02-28")
    }

    // MARK: - Terms and stays

    func testTermsAndStaysAgreeOnRandomScenarios() {
        var rng = SeededGenerator(seed: 11)
        var (monthEnds, leapDays, visiting) = (0, 0, 0)
        for scenario in randomScenarios(&rng, count: 120) {
            var s = scenario
            s.calendar.start = randomStart(&rng)
            s.calendar.termMonths = rng.int(in: 1...12)
            s.calendar.handoverDays = rng.int(in: 0...30)
            s.mode = rng.chance(0.3) ? .visiting : .resident
            let (year, month, day) = s.calendar.start.components
            if day == CivilDate.daysIn(year: year, month: month) { monthEnds += 1 }
            if month == 2, day == 29 { leapDays += 1 }
            if s.mode == .visiting { visiting += 1 }

            let schedule = JudgeSchedule(s)
            let context = "start \(s.calendar.start), \(s.calendar.termMonths) months, handover \(s.calendar.handoverDays), \(s.mode)"
            for k in (1 - s.history.count - 1)...(s.calendar.terms + 1) {
                XCTAssertEqual(schedule.start(k), s.termStart(k), "S_\(k), \(context)")
                XCTAssertEqual(schedule.end(k), s.termEnd(k), "E_\(k), \(context)")
                XCTAssertEqual(schedule.days(k), s.termRange(k), "term \(k), \(context)")
                for staysOn in [false, true] {
                    XCTAssertEqual(
                        schedule.stay(term: k, staysOn: staysOn), s.stayRange(term: k, staysOn: staysOn),
                        "stay of term \(k), staysOn \(staysOn), \(context)")
                }
            }
            // The checker's own handover (SPEC 1.1): the last history term's people leave on E_0 + handoverDays.
            if s.mode == .resident {
                let leave = schedule.stay(term: 0, staysOn: false).to
                XCTAssertEqual(JudgeCalendar.days(from: schedule.start(1), to: leave), s.calendar.handoverDays - 1, context)
            }
        }
        XCTAssertGreaterThan(monthEnds, 20)
        XCTAssertGreaterThan(leapDays, 5)
        XCTAssertGreaterThan(visiting, 10)
    }

    // MARK: - Places

    func testDistanceSameGroupAndMinStaffAgreeOnRandomScenarios() {
        var rng = SeededGenerator(seed: 12)
        var (forbidden, allowed, pairs) = (0, 0, 0)
        for scenario in randomScenarios(&rng, count: 60) {
            var s = scenario
            s.rules.sameGroup = rng.chance(0.7) ? .forbid : .allow
            s.rules.minStaff = rng.int(in: 1...4)
            let groups = ["G1", "G2", "G3"]
            for i in s.units.indices {
                if rng.chance(0.5) { s.units[i].group = rng.chance(0.3) ? nil : rng.pick(groups) }
                if rng.chance(0.3) { s.units[i].minStaff = rng.chance(0.2) ? nil : rng.int(in: 0...5) }
                if rng.chance(0.1) { s.units[i].location = nil }
            }
            let checker = RosterChecker(scenario: s, scenarioSHA256: nil)
            for home in s.units {
                XCTAssertEqual(checker.minStaff(of: home), s.minStaff(of: home), home.id)
                for site in s.units {
                    pairs += 1
                    let forbid = checker.sameGroupForbidden(home: home, site: site)
                    XCTAssertEqual(forbid, s.sameGroupForbidden(home: home, site: site), "\(home.id) → \(site.id)")
                    if forbid { forbidden += 1 } else { allowed += 1 }
                    XCTAssertEqual(
                        checker.kilometres(from: home, to: site), s.kilometres(from: home, to: site), accuracy: 1e-9,
                        "\(home.id) → \(site.id)")
                }
            }
        }
        XCTAssertGreaterThan(forbidden, 100)
        XCTAssertGreaterThan(allowed, 100)
        XCTAssertGreaterThan(pairs, 1_000)
    }

    func testDistanceAgreesAcrossTheGlobe() {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<20_000 {
            let a = Location(lat: rng.double(in: -90...90), lon: rng.double(in: -180...180))
            // Half the pairs near each other, as sites of one county are.
            let b =
                rng.chance(0.5)
                ? Location(lat: min(90, max(-90, a.lat + rng.double(in: -0.5...0.5))), lon: a.lon + rng.double(in: -0.5...0.5))
                : Location(lat: rng.double(in: -90...90), lon: rng.double(in: -180...180))
            let km = a.kilometres(to: b)
            XCTAssertEqual(JudgeGeometry.kilometres(a, b), km, accuracy: 1e-9 * max(1, km), "\(a) → \(b)")
        }
        // One degree of a meridian is 6371 · π / 180 km.
        let degree = JudgeGeometry.kilometres(Location(lat: 34, lon: 117), Location(lat: 35, lon: 117))
        XCTAssertEqual(degree, 6371 * Double.pi / 180, accuracy: 1e-9)
    }

    // MARK: - Figures, days and ids

    func testGapAgrees() {
        var rng = SeededGenerator(seed: 14)
        let special: [Double] = [0, -0.0, 1e-12, -1e-12, 1e-9, 1, -1, 412.6, 1e15]
        for _ in 0..<10_000 {
            let objective = rng.chance(0.2) ? rng.pick(special) ?? 0 : rng.double(in: -1e6...1e6)
            let bound = rng.chance(0.2) ? rng.pick(special) ?? 0 : objective - rng.double(in: 0...1e3)
            XCTAssertEqual(
                RosterChecker.gap(objective: objective, bound: bound), SolveSummary.gap(objective: objective, bound: bound),
                "objective \(objective), bound \(bound)")
        }
    }

    func testWorkingDaysAgree() {
        var rng = SeededGenerator(seed: 15)
        let first = Fixtures.day("2021-06-01")
        let last = Fixtures.day("2027-06-30")
        var (working, idle) = (0, 0)
        for round in 0..<8 {
            var calendar = CalendarSettings(start: first)
            calendar.official = round % 2 == 0 ? "cn" : nil
            for _ in 0..<rng.int(in: 0...20) {
                let from = first.addingDays(rng.int(in: 0...2_200))
                calendar.holidays.append(DateRange(from: from, to: from.addingDays(rng.int(in: 0...9))))
            }
            // Make-up days: some on weekends, some on listed or official holidays.
            for _ in 0..<rng.int(in: 0...20) {
                let from = first.addingDays(rng.int(in: 0...2_200))
                calendar.workdays.append(DateRange(from: from, to: from.addingDays(rng.int(in: 0...2))))
            }
            calendar.workdays += (calendar.holidays.prefix(3).map(\.from) + [Fixtures.day("2024-10-01")]).map { DateRange(day: $0) }
            var day = first
            while day <= last {
                let judged = JudgeWorkingDays.isWorkingDay(day, calendar: calendar)
                XCTAssertEqual(judged, OfficialCalendar.isWorkingDay(day, calendar: calendar), "\(day), round \(round)")
                if judged { working += 1 } else { idle += 1 }
                day = day.addingDays(1)
            }
        }
        XCTAssertGreaterThan(working, 8 * 1_000)
        XCTAssertGreaterThan(idle, 8 * 600)
    }

    func testIndexAgrees() {
        var rng = SeededGenerator(seed: 16)
        for scenario in randomScenarios(&rng, count: 20) {
            var s = scenario
            // Repeats and a person of no unit: the first of each id wins on both sides.
            if let u = s.units.first { s.units.append(u) }
            if var p = s.people.first {
                s.people.append(p)
                p.id = "NOWHERE-1"
                p.unit = "NOWHERE"
                s.people.append(p)
            }
            let (judge, shared) = (JudgeIndex(s), ScenarioIndex(s))
            XCTAssertEqual(judge.unit, shared.unit)
            XCTAssertEqual(judge.person, shared.person)
            XCTAssertEqual(judge.peopleOfUnit, shared.peopleOfUnit)
        }
    }

    // MARK: - Helpers

    /// `count` generated scenarios of random size, structure, terms and history.
    private func randomScenarios(_ rng: inout SeededGenerator, count: Int) -> [Scenario] {
        (0..<count).map { i in
            let structure = rng.pick(Structure.allCases) ?? .cycles
            let config = GeneratorConfig(
                units: rng.int(in: 3...9), offices: structure == .free ? rng.int(in: 0...2) : 0, seed: UInt64(i + 1),
                structure: structure, minCycle: 2, terms: rng.int(in: 1...4), history: rng.int(in: 0...3),
                counties: rng.int(in: 1...2), groupRate: 0.5, highRiskRate: 0.3)
            return ScenarioGenerator.generate(config)
        }
    }

    /// A start date: a month's last day (the 31st where there is one), a leap day, or any day.
    private func randomStart(_ rng: inout SeededGenerator) -> CivilDate {
        let year = rng.int(in: 2000...2099)
        let month = rng.int(in: 1...12)
        switch rng.int(below: 4) {
        case 0:
            return CivilDate(year: year, month: month, day: CivilDate.daysIn(year: year, month: month)) ?? Fixtures.day("2022-08-31")
        case 1:
            // 2000…2099: every fourth year is a leap year.
            return CivilDate(year: year - year % 4, month: 2, day: 29) ?? Fixtures.day("2024-02-29")
        default:
            return CivilDate(year: year, month: month, day: rng.int(in: 1...28)) ?? Fixtures.day("2022-08-20")
        }
    }
}
