import XCTest

@testable import ZhudianCore

final class ScenarioGeneratorTests: XCTestCase {
    /// A spread of configurations the assertions below run over.
    private let configs: [GeneratorConfig] = [
        GeneratorConfig(units: 6),
        GeneratorConfig(units: 12, seed: 2, structure: .ring, terms: 2, history: 2, pinCount: 3),
        GeneratorConfig(
            units: 15, seed: 3, structure: .cycles, minCycle: 3, terms: 3, history: 3, counties: 3,
            leaveRate: 0.3, groupRate: 0.5, forbidCount: 6, pinCount: 5),
        GeneratorConfig(
            units: 10, offices: 3, seed: 4, structure: .free, terms: 2, history: 1, counties: 2,
            forbidCount: 4, pinCount: 4),
        GeneratorConfig(units: 9, seed: 5, minCycle: 2, terms: 2, history: 2, pinCount: 2, highRiskRate: 0.3),
        GeneratorConfig(units: 3, seed: 6, structure: .ring, terms: 4, history: 3),
        GeneratorConfig(units: 4, seed: 7, terms: 4, history: 4, peoplePerUnit: 3...3, leaveRate: 0.5),
        GeneratorConfig(units: 30, seed: 8, terms: 2, history: 2, counties: 4, forbidCount: 10, pinCount: 8),
    ]

    func testSeededGeneratorIsSplitMix64() {
        // Reference outputs of splitmix64.c for seed 1234567.
        var rng = SeededGenerator(seed: 1_234_567)
        XCTAssertEqual(rng.next(), 6_457_827_717_110_365_317)
        XCTAssertEqual(rng.next(), 3_203_168_211_198_807_973)
        XCTAssertEqual(rng.next(), 9_817_491_932_198_370_423)
    }

    func testDefaultStart() {
        XCTAssertEqual(GeneratorConfig(units: 1).start.description, "2024-03-01")
    }

    func testSameConfigGivesTheSameScenario() {
        for config in configs {
            XCTAssertEqual(ScenarioGenerator.generate(config), ScenarioGenerator.generate(config))
        }
    }

    func testDifferentSeedsDiffer() {
        let a = ScenarioGenerator.generate(GeneratorConfig(units: 8, seed: 1))
        let b = ScenarioGenerator.generate(GeneratorConfig(units: 8, seed: 2))
        XCTAssertNotEqual(a, b)
        XCTAssertNotEqual(a.units.map(\.name), b.units.map(\.name))
        XCTAssertNotEqual(a.history, b.history)
    }

    func testCountsAndRules() {
        for config in configs {
            let s = ScenarioGenerator.generate(config)
            let offices = config.structure == .free ? config.offices : 0
            XCTAssertEqual(s.units.count, config.units + offices)
            XCTAssertEqual(s.units.filter { $0.kind == .enterprise }.count, config.units)
            XCTAssertEqual(s.history.count, config.history)
            XCTAssertEqual(s.pins.count, config.pinCount)
            XCTAssertEqual(s.forbid.count, config.forbidCount)
            XCTAssertEqual(s.calendar.terms, config.terms)
            XCTAssertEqual(s.calendar.start, config.start)
            XCTAssertEqual(s.calendar.handoverDays, config.handoverDays)
            XCTAssertEqual(s.rules.structure, config.structure)
            XCTAssertEqual(s.rules.minCycle, config.minCycle)
            XCTAssertEqual(s.rules.minStaff, 2)
            XCTAssertEqual(s.rules.pairCooldown, 1)
            XCTAssertEqual(s.rules.personCooldown, 2)
            XCTAssertEqual(s.rules.maxConsecutiveTerms, 1)
            XCTAssertEqual(s.rules.keepAtHome, 1)
            XCTAssertTrue(s.rules.requireQualified)
            XCTAssertEqual(s.rules.sameGroup, .forbid)
            XCTAssertEqual(s.mode, .resident)

            let index = ScenarioIndex(s)
            let maxStaff = s.sites.map { s.minStaff(of: $0) }.max() ?? 2
            for (u, unit) in s.units.enumerated() {
                let staff = index.peopleOfUnit[u].map { s.people[$0] }
                XCTAssertGreaterThanOrEqual(staff.count, config.peoplePerUnit.lowerBound, unit.id)
                if unit.kind == .enterprise {
                    XCTAssertTrue(unit.sends && unit.receives)
                    XCTAssertNil(unit.level)
                    // Two teams (one resting) and one person at home.
                    XCTAssertGreaterThanOrEqual(staff.filter(\.qualified).count, 2 * maxStaff + 1, unit.id)
                    XCTAssertTrue(unit.minStaff == nil || unit.minStaff == 3)
                } else {
                    XCTAssertTrue(unit.sends)
                    XCTAssertFalse(unit.receives)
                    XCTAssertNotNil(unit.level)
                }
            }
            for person in s.people {
                XCTAssertTrue((0...3).contains(person.served) || person.served <= config.history, person.id)
                XCTAssertLessThanOrEqual(person.unavailable.count, 1)
                for absence in person.unavailable {
                    XCTAssertTrue((7...21).contains(absence.range.dayCount), person.id)
                    XCTAssertTrue(s.horizon.contains(absence.range.from) && s.horizon.contains(absence.range.to))
                }
            }
        }
    }

    func testLeaveShare() {
        let s = ScenarioGenerator.generate(GeneratorConfig(units: 20, seed: 11, terms: 2, leaveRate: 0.1))
        let withLeave = s.people.filter { !$0.unavailable.isEmpty }.count
        XCTAssertEqual(withLeave, Int((0.1 * Double(s.people.count)).rounded()))
    }

    func testIdsAreValidAndUnique() {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
        for config in configs {
            let s = ScenarioGenerator.generate(config)
            let ids = s.units.map(\.id) + s.people.map(\.id)
            XCTAssertEqual(Set(ids).count, ids.count)
            for id in ids {
                XCTAssertTrue((1...32).contains(id.count) && id.allSatisfy(allowed.contains), id)
            }
            XCTAssertTrue(s.units.filter { $0.kind == .enterprise }.allSatisfy { $0.id.hasPrefix("E") })
            XCTAssertTrue(s.units.filter { $0.kind == .office }.allSatisfy { $0.id.hasPrefix("O") })
            for p in s.people { XCTAssertTrue(p.id.hasPrefix(p.unit + "-"), p.id) }
        }
    }

    func testEveryReferenceResolves() {
        var checked = (stays: 0, pins: 0, forbids: 0)
        for config in configs {
            let s = ScenarioGenerator.generate(config)
            checked.stays += s.history.reduce(0) { $0 + $1.stays.count }
            checked.pins += s.pins.count
            checked.forbids += s.forbid.count
            let index = ScenarioIndex(s)
            let sites = Set(s.sites.map(\.id))
            for p in s.people { XCTAssertNotNil(index.unit[p.unit], p.id) }
            for term in s.history {
                for stay in term.stays {
                    XCTAssertNotNil(index.person[stay.person])
                    XCTAssertTrue(sites.contains(stay.site))
                }
            }
            for pin in s.pins {
                XCTAssertTrue(s.termNumbers.contains(pin.term))
                XCTAssertTrue(sites.contains(pin.site))
                switch pin.subject {
                case .unit(let u): XCTAssertNotNil(index.unit[u])
                case .person(let p): XCTAssertNotNil(index.person[p])
                }
            }
            for f in s.forbid {
                XCTAssertTrue(sites.contains(f.site))
                switch f.subject {
                case .unit(let u): XCTAssertNotNil(index.unit[u])
                case .person(let p): XCTAssertNotNil(index.person[p])
                }
            }
        }
        // The configs ask for all three; none of the loops above may have run on nothing.
        XCTAssertGreaterThan(checked.stays, 0)
        XCTAssertGreaterThan(checked.pins, 0)
        XCTAssertGreaterThan(checked.forbids, 0)
    }

    func testPlacesAndNamesLookReal() {
        for config in configs {
            let s = ScenarioGenerator.generate(config)
            XCTAssertFalse(s.name.isEmpty)
            XCTAssertTrue(s.authority.hasSuffix("应急管理局"))
            for u in s.units {
                XCTAssertFalse(u.name.isEmpty)
                guard let loc = u.location else { return XCTFail("\(u.id) has no location") }
                XCTAssertTrue((34.5...37.5).contains(loc.lat) && (115.5...122).contains(loc.lon), u.id)
                if u.kind == .enterprise {
                    XCTAssertTrue(u.name.contains("有限公司"), u.name)
                    XCTAssertNotNil(u.town)
                }
            }
            for p in s.people {
                XCTAssertTrue((2...3).contains(p.name.count), p.name)
                let phone = p.phone ?? ""
                XCTAssertTrue(phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy(\.isASCII), phone)
            }
            for group in Set(s.units.compactMap(\.group)) { XCTAssertTrue(group.hasSuffix("集团"), group) }
        }
    }

    func testHistoryRespectsTheStructure() {
        for config in configs {
            let s = ScenarioGenerator.generate(config)
            let index = ScenarioIndex(s)
            let enterprises = s.units.filter { $0.kind == .enterprise }
            var previous: (links: [String: String], people: Set<String>)?
            for (k, term) in s.history.enumerated() {
                var link: [String: String] = [:]
                var team: [String: [String]] = [:]
                for stay in term.stays {
                    guard let p = index.person[stay.person] else { return XCTFail("unknown person") }
                    let home = s.people[p].unit
                    XCTAssertTrue(s.people[p].qualified)
                    XCTAssertNotEqual(home, stay.site, "self link in history term \(k)")
                    if let old = link[home] { XCTAssertEqual(old, stay.site, "\(home) sends two teams") }
                    link[home] = stay.site
                    team[home, default: []].append(stay.person)
                }
                XCTAssertEqual(Set(link.keys), Set(enterprises.map(\.id)), "every enterprise sends")
                XCTAssertEqual(Set(link.values), Set(enterprises.map(\.id)), "every enterprise receives once")
                for (home, site) in link {
                    guard let h = s.unit(home), let v = s.unit(site) else { return XCTFail("unknown unit") }
                    XCTAssertFalse(s.sameGroupForbidden(home: h, site: v), "\(home) → \(site) same group")
                    XCTAssertEqual(team[home]?.count, s.minStaff(of: v))
                    // Rotation between consecutive history terms.
                    if let prev = previous { XCTAssertNotEqual(prev.links[home], site, "link repeated") }
                }
                if let prev = previous {
                    XCTAssertTrue(
                        prev.people.isDisjoint(with: term.stays.map(\.person)), "nobody serves twice in a row")
                }
                // Cycle lengths.
                var seen = Set<String>()
                var lengths: [Int] = []
                for start in enterprises.map(\.id) where !seen.contains(start) {
                    var length = 0
                    var u = start
                    while !seen.contains(u) {
                        seen.insert(u)
                        length += 1
                        u = link[u] ?? start
                    }
                    lengths.append(length)
                }
                switch config.structure {
                case .ring: XCTAssertEqual(lengths, [enterprises.count])
                case .cycles: XCTAssertTrue(lengths.allSatisfy { $0 >= config.minCycle }, "\(lengths)")
                case .free: XCTAssertTrue(lengths.allSatisfy { $0 >= 3 }, "\(lengths)")
                }
                previous = (link, Set(term.stays.map(\.person)))
            }
        }
    }

    func testWitnessPassesTheChecker() {
        for config in configs {
            let (s, witness) = ScenarioGenerator.generateWithWitness(config)
            XCTAssertEqual(witness.terms.count, config.terms)
            var roster = witness
            let checker = RosterChecker(scenario: s, scenarioSHA256: nil)
            roster.solve.objective = checker.objective(of: roster)
            let report = checker.check(roster)
            XCTAssertTrue(report.passed, "seed \(config.seed):\n" + report.lines(.en).joined(separator: "\n"))
        }
    }

    func testPinsFollowTheWitness() {
        let config = GeneratorConfig(units: 12, seed: 21, terms: 3, history: 2, pinCount: 10)
        let (s, witness) = ScenarioGenerator.generateWithWitness(config)
        XCTAssertEqual(s.pins.count, 10)
        XCTAssertTrue(s.pins.contains { if case .unit = $0.subject { true } else { false } })
        XCTAssertTrue(s.pins.contains { if case .person = $0.subject { true } else { false } })
        XCTAssertEqual(s.pins.map(\.term), s.pins.map(\.term).sorted())
        for pin in s.pins {
            let term = witness.terms[pin.term - 1]
            switch pin.subject {
            case .unit(let u): XCTAssertTrue(term.links.contains(Link(from: u, to: pin.site)))
            case .person(let p): XCTAssertTrue(term.stays.contains { $0.person == p && $0.site == pin.site })
            }
        }
    }

    func testFreeStructureUsesOfficesAndPersonPinsOnly() {
        let s = ScenarioGenerator.generate(
            GeneratorConfig(units: 8, offices: 2, seed: 9, structure: .free, pinCount: 4))
        let offices = s.units.filter { $0.kind == .office }
        XCTAssertEqual(offices.map(\.id), ["O01", "O02"])
        XCTAssertEqual(offices.map(\.level), [.city, .county])
        XCTAssertTrue(s.pins.allSatisfy { if case .person = $0.subject { true } else { false } })
        // Offices are ignored where they could not send.
        XCTAssertEqual(ScenarioGenerator.generate(GeneratorConfig(units: 8, offices: 2)).units.count, 8)
    }

    func testDegenerateConfigsDoNotTrap() {
        for units in 0...2 {
            let s = ScenarioGenerator.generate(
                GeneratorConfig(
                    units: units, seed: 3, terms: 12, history: 2, peoplePerUnit: 0...0, leaveRate: 2,
                    forbidCount: 3, pinCount: 3, handoverDays: -4))
            XCTAssertEqual(s.units.count, units)
            XCTAssertEqual(s.calendar.terms, 8)
            XCTAssertEqual(s.calendar.handoverDays, 0)
        }
        // Two enterprises make a ring for one term with no history.
        let two = ScenarioGenerator.generateWithWitness(GeneratorConfig(units: 2, structure: .ring, history: 0))
        XCTAssertEqual(two.witness.terms.first?.links.count, 2)
    }

    /// At the size of a city (many counties, forbids and pins over four terms) the generator
    /// still keeps its promise: the scenario has the asked-for shape and a roster exists,
    /// the witness, which the independent checker accepts. (Its speed is the benchmark's.)
    func testLargeScenarioHasAWitnessThatPassesTheChecker() {
        let config = GeneratorConfig(
            units: 120, seed: 5, terms: 4, history: 2, counties: 6, forbidCount: 30, pinCount: 20)
        let (s, witness) = ScenarioGenerator.generateWithWitness(config)
        XCTAssertEqual(s.units.count, 120)
        XCTAssertEqual(s.history.count, 2)
        XCTAssertEqual(s.pins.count, 20)
        XCTAssertEqual(witness.terms.count, 4)
        var roster = witness
        let checker = RosterChecker(scenario: s, scenarioSHA256: nil)
        roster.solve.objective = checker.objective(of: roster)
        let report = checker.check(roster)
        XCTAssertTrue(report.passed, report.lines(.en).prefix(10).joined(separator: "\n"))
    }
}
