import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

final class RosterFileTests: XCTestCase {
    private static func day(_ text: String) -> CivilDate {
        guard let d = CivilDate(iso: text) else { fatalError("bad test date \(text)") }
        return d
    }

    /// A small roster touching every key: two terms (given out of order), visits, an explanation.
    static var small: Roster {
        Roster(
            scenario: ScenarioReference(name: "台儿庄区 \"测试\"", sha256: String(repeating: "ab", count: 32)),
            solve: SolveSummary(
                status: .bestEffort, objective: 412.6, bound: nil, gap: nil, seconds: 0.1 + 0.2, engine: "GLPK 5.0"),
            terms: [
                RosterTerm(
                    term: 2, start: day("2023-02-20"), end: day("2023-08-19"),
                    links: [Link(from: "QX", to: "SDS"), Link(from: "SDS", to: "QX")],
                    stays: [
                        Stay(person: "SDS-02", site: "QX", arrive: day("2023-02-20"), leave: day("2023-08-22")),
                        Stay(person: "QX-01", site: "SDS", arrive: day("2023-02-20"), leave: day("2023-08-22")),
                    ]),
                RosterTerm(
                    term: 1, start: day("2022-08-20"), end: day("2023-02-19"),
                    links: [Link(from: "SDS", to: "QX")],
                    stays: [
                        Stay(person: "SDS-02", site: "QX", arrive: day("2022-08-20"), leave: day("2023-02-19")),
                        Stay(person: "SDS-01", site: "QX", arrive: day("2022-08-20"), leave: day("2023-02-19")),
                    ],
                    visits: [
                        Visit(date: day("2022-09-06"), site: "QX", people: ["SDS-02", "SDS-01"]),
                        Visit(date: day("2022-09-05"), site: "QX", people: ["SDS-01", "SDS-02"]),
                    ]),
            ],
            explanation: [
                RuleInstance(
                    rule: .coverage, term: 2, unit: nil, site: "LS", people: [],
                    message: "龙山 has 1 of 2 people\n(uncovered)"),
                RuleInstance(
                    rule: .personCooldown, term: 1, unit: "SDS", site: "QX", people: ["SDS-01"],
                    message: "SDS-01 returns to QX"),
            ])
    }

    // MARK: Encoding

    func testGoldenEncoding() throws {
        let bytes = RosterFile.encode(Self.small)
        let golden = Fixtures.sourceDirectory.appendingPathComponent("golden/roster-small.json")
        if ProcessInfo.processInfo.environment["ZHUDIAN_RECORD"] == "1" {
            try Data(bytes).write(to: golden)
            XCTFail("recorded \(golden.path); check it and run again without ZHUDIAN_RECORD")
            return
        }
        let expected = try [UInt8](Data(contentsOf: golden))
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self),
            "the roster file changed; if intended, re-record with ZHUDIAN_RECORD=1")
    }

    func testEncodingBasics() {
        let text = String(decoding: RosterFile.encode(Self.small), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"), "one trailing newline")
        XCTAssertTrue(text.contains("\"seconds\": 0.30000000000000004,"), "shortest round-trip form")
        XCTAssertTrue(text.contains("\"bound\": null,"))
        XCTAssertTrue(text.contains("\"version\": 1,"), "integers as integers")
        XCTAssertTrue(text.contains("\"name\": \"台儿庄区 \\\"测试\\\"\""), "UTF-8 kept, quotes escaped")
        XCTAssertTrue(text.contains("\\n(uncovered)"))
        XCTAssertLessThan(
            text.range(of: "\"term\": 1")?.lowerBound ?? text.endIndex,
            text.range(of: "\"term\": 2")?.lowerBound ?? text.startIndex, "terms sorted")

        var feasible = Self.small
        feasible.explanation = nil
        feasible.terms[0].visits = nil
        feasible.terms[1].visits = nil
        let plain = String(decoding: RosterFile.encode(feasible), as: UTF8.self)
        XCTAssertFalse(plain.contains("explanation"))
        XCTAssertFalse(plain.contains("visits"))

        let empty = Roster(
            scenario: ScenarioReference(name: "x", sha256: "y"),
            solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: 1, engine: "GLPK 5.0"),
            terms: [], explanation: [])
        let emptyText = String(decoding: RosterFile.encode(empty), as: UTF8.self)
        XCTAssertTrue(emptyText.contains("\"terms\": [],\n  \"explanation\": []\n}\n"), emptyText)
        XCTAssertTrue(emptyText.contains("\"seconds\": 1.0,"))
    }

    // MARK: Decoding

    func testRoundTrip() throws {
        let decoded = try RosterFile.decode(RosterFile.encode(Self.small), file: "r.json")
        XCTAssertEqual(decoded.roster, Self.small.sorted)
        XCTAssertEqual(decoded.formatIssues, [])
        XCTAssertEqual(decoded.roster.solve.seconds, 0.1 + 0.2, "exactly the same double")

        var awkward = Self.small.sorted
        awkward.solve = SolveSummary(
            status: .feasible, objective: 1e-300, bound: -0.0, gap: .leastNonzeroMagnitude, seconds: 1e21, engine: "E\u{1}\t\\")
        awkward.explanation = nil
        let again = try RosterFile.decode(RosterFile.encode(awkward), file: "r.json")
        XCTAssertEqual(again.roster, awkward)
        XCTAssertEqual(again.formatIssues, [])
    }

    func testCompactJSONFromOtherToolsIsRead() throws {
        let text = "{\"format\":\"zhudian-roster\",\"version\":1,\"scenario\":{\"name\":\"n\",\"sha256\":\"h\"},"
            + "\"solve\":{\"status\":\"optimal\",\"objective\":0,\"bound\":0,\"gap\":0,\"seconds\":1E-3,"
            + "\"engine\":\"x\"},\t\"terms\":[{\"term\":1,\"start\":\"2022-08-20\",\"end\":\"2023-02-19\","
            + "\"links\":[],\"stays\":[]}]}"
        let decoded = try RosterFile.decode(Array(text.utf8), file: "c.json")
        XCTAssertEqual(decoded.formatIssues, [])
        XCTAssertEqual(decoded.roster.solve.seconds, 0.001)
        XCTAssertEqual(decoded.roster.terms.count, 1)
    }

    func testFormatIssuesAreListedWithPlaces() throws {
        let text = """
            {
              "format": "zhudian-roster", "version": 2,
              "scenario": {"sha256": "h", "name": "n"},
              "solve": {"status": "optimal", "objective": 1.0, "bound": 1.0,
                        "seconds": 0.5, "engine": "GLPK 5.0", "host": "x"},
              "terms": [
                {"term": 1, "start": "2022-08-20", "end": "2023-02-19",
                 "links": [{"from": "B", "to": "A"}, {"from": "A", "to": "B"}],
                 "stays": [{"person": "A-1", "site": "B", "arrive": "2022-08-20", "leave": "2023-02-19"}]}
              ]
            }
            """
        let decoded = try RosterFile.decode(Array(text.utf8), file: "r.json")
        XCTAssertEqual(decoded.roster.terms[0].links.map(\.from), ["B", "A"], "file order is kept")
        XCTAssertEqual(decoded.roster.solve.gap, nil)
        XCTAssertEqual(decoded.roster.version, 2)
        XCTAssertEqual(
            decoded.formatIssues.map { $0.render(.en) },
            [
                "r.json:2:42: `version` is `2`; this program reads roster version 1, write `\"version\": 1`",
                "r.json:3:31: key `name` in `scenario` is out of order; write the keys in the order name, sha256",
                "r.json:4:12: key `solve.gap` is missing; write it (null when unknown)",
                "r.json:8:42: `terms[0].links` is out of order; the list must be sorted by `from`, then `to`",
            ])
        XCTAssertTrue(decoded.formatIssues.allSatisfy { !$0.render(.zh).isEmpty })
        XCTAssertEqual(
            decoded.renderNotes(.en), ["note: r.json:5:51: unknown key \"solve.host\" (ignored; written by a later version?)"])
    }

    /// A roster with keys this version does not know, at every level, written by "a later version".
    private static func laterVersionRoster(extras: Bool) -> String {
        func extra(_ text: String) -> String { extras ? text : "" }
        return """
            {
              "format": "zhudian-roster", "version": 1, \(extra("\"producer\": {\"name\": \"zhudian\", \"version\": 2},"))
              "scenario": {"name": "n", "sha256": "h"\(extra(", \"path\": \"s.yaml\""))},
              "solve": {"status": "best-effort", "objective": 1.0, "bound": null, "gap": null,
                        "seconds": 0.5, "engine": "GLPK 5.0"\(extra(", \"threads\": 4"))},
              "terms": [
                {"term": 1, "start": "2022-08-20", "end": "2023-02-19", \(extra("\"label\": \"first\","))
                 "links": [{"from": "A", "to": "B"\(extra(", \"weight\": 2"))}],
                 "stays": [{"person": "A-1", "site": "B", "arrive": "2022-08-20", "leave": "2023-02-19"\(extra(", \"role\": [1]"))}],
                 "visits": [{"date": "2022-09-05", "site": "B", "people": ["A-1"]\(extra(", \"note\": null"))}]}
              ],
              "explanation": [{"rule": "coverage", "term": 1, "unit": null, "site": "B", "people": [],
                               "message": "m"\(extra(", \"hint\": \"h\""))}]\(extra(",\n  \"signature\": \"x\""))
            }
            """
    }

    func testUnknownKeysAreNotesNotIssues() throws {
        let plain = try RosterFile.decode(Array(Self.laterVersionRoster(extras: false).utf8), file: "r.json")
        XCTAssertEqual(plain.formatIssues, [])
        XCTAssertEqual(plain.notes, [])

        // SPEC §4: a reader accepts a leading BOM and keys it does not know, with a note.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.laterVersionRoster(extras: true).utf8)
        let later = try RosterFile.decode(bytes, file: "r.json")
        XCTAssertEqual(later.roster, plain.roster, "unknown keys change nothing")
        XCTAssertEqual(later.formatIssues, [], "unknown keys are no format problem")
        XCTAssertEqual(
            later.notes.map { $0.message },
            [
                "producer", "scenario.path", "solve.threads", "terms[0].label", "terms[0].links[0].weight",
                "terms[0].stays[0].role", "terms[0].visits[0].note", "explanation[0].hint", "signature",
            ].map { RosterMessage.unknownKey(path: $0) })
        XCTAssertEqual(
            later.renderNotes(.en).first,
            "note: r.json:2:45: unknown key \"producer\" (ignored; written by a later version?)", "the BOM shifts no column")
        XCTAssertEqual(
            later.renderNotes(.zh).last, "note: r.json:14:3: 未知的键 \"signature\"（已忽略；可能由更新版本写入？）")
    }

    func testAByteOrderMarkIsAccepted() throws {
        let bytes = RosterFile.encode(Self.small)
        let decoded = try RosterFile.decode([0xEF, 0xBB, 0xBF] + bytes, file: "r.json")
        XCTAssertEqual(decoded.roster, Self.small.sorted)
        XCTAssertEqual(decoded.formatIssues, [])
        XCTAssertEqual(decoded.notes, [])
    }

    func testUnreadableRostersThrowEveryProblem() {
        let text = """
            {"format": "zhudian-roster", "version": 1,
             "scenario": {"name": "n"},
             "solve": {"status": "done", "objective": "1", "bound": null, "gap": null, "seconds": 0, "engine": "E"},
             "terms": [{"term": 1, "start": "2023-02-30", "end": "2023-03-01", "links": [], "stays": [1]}]}
            """
        XCTAssertThrowsError(try RosterFile.decode(Array(text.utf8), file: "bad.json")) { error in
            guard let error = error as? RosterFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(
                error.render(.en),
                [
                    "error: bad.json:2:14: required key `scenario.sha256` is missing; add it or plan again",
                    "error: bad.json:3:22: `solve.status` is `done`, which is not one of `optimal`, `feasible`, "
                        + "`infeasible`, `best-effort`; write one of them",
                    "error: bad.json:3:43: `solve.objective` must be a number or null, found the quoted text `\"1\"`; "
                        + "remove the quotes or plan again",
                    "error: bad.json:4:33: `terms[0].start` is `2023-02-30`, not a date; write it as YYYY-MM-DD",
                    "error: bad.json:4:91: `terms[0].stays[0]` must be an object `{…}`, found `1`; correct it or plan again",
                ])
        }
        for (bytes, phrase) in [
            (Array("".utf8), "not valid JSON: the file is empty"),
            (Array("[1, 2]".utf8), "must be one JSON object"),
            (Array("format: zhudian-roster\n".utf8), "must be one JSON object"),
            (Array("{\"a\": [1, 2}".utf8), "not valid JSON"),
            (Array("{\"terms\": 1, \"terms\": 2}".utf8), "`terms` is written twice"),
            ([0x7B, 0xFF, 0x7D], "not UTF-8"),
        ] {
            XCTAssertThrowsError(try RosterFile.decode(bytes, file: "x.json")) { error in
                let line = (error as? RosterFileError)?.render(.en).first ?? ""
                XCTAssertTrue(line.hasPrefix("error: x.json:") && line.contains(phrase), line)
            }
        }
    }

    func testReadFromDisk() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("roster.json").path
        try RosterFile.writeAtomically(RosterFile.encode(Self.small), to: path)
        XCTAssertEqual(try RosterFile.read(path: path).roster, Self.small.sorted)
        XCTAssertThrowsError(try RosterFile.read(path: dir.appendingPathComponent("none.json").path)) { error in
            XCTAssertTrue((error as? RosterFileError)?.isFileSystemError ?? false)
        }
    }
}
