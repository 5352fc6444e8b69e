import ZhudianCore

/// Small scenarios and hand-made rosters that pass every rule, for any test target.
///
/// - ``smallResident()``: six mines A–F (A and B of one group), five people each (F-5 not
///   qualified), two terms of six months from 2022-08-20, three handover days, one history
///   term, `cycles` with `minCycle 3`; ``smallResidentRoster()`` places two people of every mine
///   in a six-ring each term (people 3–4 in term 1, 1–2 in term 2, 1–2 were in history).
/// - ``noticeScenario(structure:minCycle:)`` and ``noticeRoster()``: the 2022 notice's six mines
///   and its plan (one mutual pair and one four-ring), one term.
/// - ``smallVisiting()``: two offices' four people visiting three enterprises, one term of
///   three months from 2023-09-01 with `official: cn`; ``smallVisitingRoster()`` visits each
///   site once a month.
public enum Fixtures {
    /// The stand-in SHA-256 the fixtures' rosters name.
    public static let sha256 = String(repeating: "ab", count: 32)

    /// A date from `YYYY-MM-DD` (test input is known to be valid).
    public static func day(_ text: String) -> CivilDate {
        guard let d = CivilDate(iso: text) else { preconditionFailure("bad test date \(text)") }
        return d
    }

    // MARK: - Resident

    /// Mine ids of ``smallResident()``, in file order.
    public static let mines = ["A", "B", "C", "D", "E", "F"]

    /// Term 1 and term 2 rings of ``smallResidentRoster()``: (sending mine, site).
    public static let residentRings: [[(from: String, to: String)]] = [
        [("A", "D"), ("D", "B"), ("B", "E"), ("E", "C"), ("C", "F"), ("F", "A")],
        [("A", "E"), ("E", "B"), ("B", "F"), ("F", "C"), ("C", "D"), ("D", "A")],
    ]

    /// The history term of ``smallResident()``: two three-cycles, people 1–2 of each mine.
    public static let residentHistory: [(from: String, to: String)] = [
        ("A", "C"), ("C", "E"), ("E", "A"), ("B", "D"), ("D", "F"), ("F", "B"),
    ]

    /// Six mines, 30 people, two terms, one history term (see the type's summary).
    public static func smallResident() -> Scenario {
        let shorts = ["甲矿", "乙矿", "丙矿", "丁矿", "戊矿", "己矿"]
        let locations = [
            Location(lat: 34.60, lon: 117.50), Location(lat: 34.62, lon: 117.60), Location(lat: 34.55, lon: 117.45),
            Location(lat: 34.66, lon: 117.70), Location(lat: 34.58, lon: 117.65), Location(lat: 34.52, lon: 117.55),
        ]
        let units = mines.enumerated().map { i, id in
            Unit(
                id: id, name: "枣庄市\(shorts[i])有限公司", short: shorts[i],
                group: (id == "A" || id == "B") ? "山水水泥" : nil, town: "张山子镇", location: locations[i])
        }
        let surnames = ["王", "李", "张", "刘", "陈", "杨"]
        let given = ["强", "明", "华", "军", "伟"]
        var people: [Person] = []
        for (i, u) in mines.enumerated() {
            for n in 1...5 {
                people.append(
                    Person(
                        id: "\(u)-\(n)", name: surnames[i] + given[n - 1], unit: u,
                        qualified: !(u == "F" && n == 5), phone: "1380000\(i)\(n)00",
                        served: n <= 2 ? 1 : 0))
            }
        }
        var rules = Rules()
        rules.minStaff = 2
        rules.structure = .cycles
        rules.minCycle = 3
        rules.sameGroup = .forbid
        rules.pairCooldown = 1
        rules.personCooldown = 2
        rules.maxConsecutiveTerms = 1
        rules.keepAtHome = 1
        rules.requireQualified = true
        rules.maxDistanceKm = 100
        let history = HistoryTerm(
            start: day("2022-02-20"),
            stays: residentHistory.flatMap { l in [1, 2].map { HistoryStay(person: "\(l.from)-\($0)", site: l.to) } })
        return Scenario(
            name: "测试区非煤矿山驻点监督", authority: "测试区应急管理局", sector: "非煤矿山", mode: .resident,
            calendar: CalendarSettings(start: day("2022-08-20"), termMonths: 6, terms: 2, handoverDays: 3),
            rules: rules, objective: ObjectiveWeights(distance: 1, fairness: 20, change: 0),
            units: units, people: people, history: [history])
    }

    /// The placements of ``smallResidentRoster()``: term 1 people 3–4, term 2 people 1–2.
    public static func residentPlacements() -> [[(person: String, site: String)]] {
        residentRings.enumerated().map { i, ring in
            let numbers = i == 0 ? [3, 4] : [1, 2]
            return ring.flatMap { l in numbers.map { (person: "\(l.from)-\($0)", site: l.to) } }
        }
    }

    /// A roster of ``smallResident()`` that breaks nothing; status optimal, objective recomputed.
    public static func smallResidentRoster() -> Roster {
        RosterBuilder.roster(smallResident(), placements: residentPlacements())
    }

    // MARK: - The 2022 notice

    /// The notice's six mines, three people each, one term from 2022-08-20, no history.
    /// 莲花山 and 虎提山 (both 山水 cement) share a group.
    public static func noticeScenario(structure: Structure = .cycles, minCycle: Int = 2) -> Scenario {
        let mines: [(String, String, String)] = [
            ("SDS", "枣庄市张山子煤业有限公司双顶山石灰岩矿", "双顶山矿"),
            ("QX", "山东泉兴水泥有限公司水泥用石灰岩矿", "泉兴矿"),
            ("ZS", "枣庄交通发展集团公司台儿庄区寨山矿区", "寨山矿"),
            ("LHS", "枣庄山水水泥有限公司莲花山水泥用灰岩矿", "莲花山矿"),
            ("LS", "山东联合王晁水泥有限公司狼山石灰岩矿", "狼山矿"),
            ("HTS", "枣庄创新山水水泥有限公司虎提山矿区水泥用灰岩矿", "虎提山矿"),
        ]
        let units = mines.map { id, name, short in
            Unit(id: id, name: name, short: short, group: (id == "LHS" || id == "HTS") ? "山水水泥" : nil)
        }
        let people = mines.flatMap { m in
            (1...3).map { Person(id: "\(m.0)-0\($0)", name: "\(m.2)\($0)号", unit: m.0) }
        }
        var rules = Rules()
        rules.structure = structure
        rules.minCycle = minCycle
        return Scenario(
            name: "台儿庄区非煤矿山驻点监督 2022下半年", authority: "台儿庄区应急管理局", sector: "非煤矿山",
            calendar: CalendarSettings(start: day("2022-08-20"), termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: people)
    }

    /// The notice's plan: 双顶山 ⇄ 泉兴, 寨山 → 莲花山 → 狼山 → 虎提山 → 寨山.
    public static func noticeRoster(structure: Structure = .cycles, minCycle: Int = 2) -> Roster {
        let links = [("SDS", "QX"), ("QX", "SDS"), ("ZS", "LHS"), ("LHS", "LS"), ("LS", "HTS"), ("HTS", "ZS")]
        let placements = [links.flatMap { l in [1, 2].map { (person: "\(l.0)-0\($0)", site: l.1) } }]
        return RosterBuilder.roster(noticeScenario(structure: structure, minCycle: minCycle), placements: placements)
    }

    // MARK: - Visiting

    /// Two offices (P1, P2 of the city bureau; P3, P4 of the county bureau) visiting X, Y, Z.
    public static func smallVisiting() -> Scenario {
        let units = [
            Unit(
                id: "CITY", name: "济宁市工业和信息化局", kind: .office, level: .city,
                location: Location(lat: 35.41, lon: 116.59)),
            Unit(
                id: "CTY", name: "嘉祥县工业和信息化局", kind: .office, level: .county,
                location: Location(lat: 35.41, lon: 116.34)),
            Unit(id: "X", name: "嘉祥县某化工有限公司", short: "某化工", location: Location(lat: 35.43, lon: 116.30)),
            Unit(id: "Y", name: "嘉祥县某新材料有限公司", short: "某新材料", location: Location(lat: 35.38, lon: 116.38)),
            Unit(id: "Z", name: "嘉祥县某精细化工有限公司", short: "某精细化工"),
        ]
        let people = [
            Person(id: "P1", name: "赵一", unit: "CITY"), Person(id: "P2", name: "钱二", unit: "CITY", served: 1),
            Person(id: "P3", name: "孙三", unit: "CTY"), Person(id: "P4", name: "李四", unit: "CTY"),
        ]
        var rules = Rules()
        rules.structure = .free
        rules.maxSitesPerPerson = 2
        return Scenario(
            name: "济宁市化工企业两人一企驻点监督 2023秋", authority: "济宁市工业和信息化局", sector: "化工",
            mode: .visiting,
            calendar: CalendarSettings(
                start: day("2023-09-01"), termMonths: 3, terms: 1, official: "cn", visitsPerMonth: 1,
                minVisitGapDays: 7),
            rules: rules, units: units, people: people)
    }

    /// Who covers which site in ``smallVisitingRoster()``: X by P1, P2; Y by P3, P4; Z by P1, P3.
    public static let visitingTeams: [String: [String]] = ["X": ["P1", "P2"], "Y": ["P3", "P4"], "Z": ["P1", "P3"]]

    /// Visit dates of ``smallVisitingRoster()``: one a month per site (2023-10-08 is a Sunday
    /// made a working day, 2023-09-29…10-06 the national holiday).
    public static let visitingDates: [String: [String]] = [
        "X": ["2023-09-05", "2023-10-10", "2023-11-07"],
        "Y": ["2023-09-06", "2023-10-08", "2023-11-08"],
        "Z": ["2023-09-07", "2023-10-12", "2023-11-09"],
    ]

    /// A roster of ``smallVisiting()`` that breaks nothing.
    public static func smallVisitingRoster() -> Roster {
        let placements = visitingTeams.keys.sorted().flatMap { site in
            (visitingTeams[site] ?? []).map { (person: $0, site: site) }
        }
        let visits = visitingDates.flatMap { site, dates in
            dates.map { Visit(date: day($0), site: site, people: visitingTeams[site] ?? []) }
        }
        return RosterBuilder.roster(smallVisiting(), placements: [placements], visits: [visits])
    }
}
