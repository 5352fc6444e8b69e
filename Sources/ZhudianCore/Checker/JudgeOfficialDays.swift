import Foundation

/// The checker's own reader of the package's `official-cn.json`, apart from
/// ``OfficialCalendar``'s (the file is one, its readers share no code): it finds the file
/// itself, walks the JSON without the planner side's decoding types, and parses dates with
/// ``JudgeCalendar``. Anything it cannot read is a problem in words, never a shorter table.
///
///     switch JudgeOfficialDays.loaded { case .success(let days): days.holidays.contains(d) … }
///
/// - Complexity: O(file size + days listed).
struct JudgeOfficialDays: Sendable {
    /// Official holidays (weekend days inside an announced range included).
    let holidays: Set<CivilDate>
    /// Official make-up working days.
    let workdays: Set<CivilDate>

    /// The file read once, at first use; a failure is the message that names file and key.
    static let loaded: Result<JudgeOfficialDays, JudgeDataProblem> = {
        let places = searchPlaces()
        guard let path = places.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
            let data = FileManager.default.contents(atPath: path)
        else {
            return .failure(JudgeDataProblem(text: "the official calendar data official-cn.json is missing (looked in \(places.joined(separator: ", ")))"))
        }
        return Result { () throws(JudgeDataProblem) -> JudgeOfficialDays in try read(data, path: path) }
    }()

    /// Where SwiftPM puts ZhudianCore's resources: a folder beside the executable or beside a
    /// loaded bundle, else the source tree this file was compiled from.
    static func searchPlaces() -> [String] {
        let source: String = #filePath
        var roots = [CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent().path }]
        roots.append(Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path)
        roots += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().path }
        var places: [String] = []
        for root in roots.compactMap({ $0 }) {
            for folder in ["zhudian_ZhudianCore.resources", "zhudian_ZhudianCore.bundle", "zhudian_ZhudianCore.bundle/Contents/Resources"] {
                let place = root + "/" + folder + "/official-cn.json"
                if !places.contains(place) { places.append(place) }
            }
        }
        let checkerFolder = URL(fileURLWithPath: source).deletingLastPathComponent()
        places.append(checkerFolder.deletingLastPathComponent().appendingPathComponent("Calendar/official-cn.json").path)
        return places
    }

    /// The days of the file's notices; any key missing, wrong type or date that is not a day
    /// is a problem naming `path` and the key.
    static func read(_ data: Data, path: String) throws(JudgeDataProblem) -> JudgeOfficialDays {
        func problem(_ what: String) -> JudgeDataProblem { JudgeDataProblem(text: "the official calendar data \(path): \(what)") }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw problem("not JSON (\(error.localizedDescription))")
        }
        guard let top = root as? [String: Any], top["format"] as? String == "zhudian-official-calendar",
            top["version"] as? Int == 1, top["calendar"] as? String == "cn"
        else { throw problem("not version 1 of zhudian's official calendar for cn") }
        guard let notices = top["notices"] as? [[String: Any]], !notices.isEmpty else { throw problem("`notices` is missing or empty") }
        var holidays: Set<CivilDate> = []
        var workdays: Set<CivilDate> = []
        for (i, notice) in notices.enumerated() {
            guard let ranges = notice["holidays"] as? [[String: Any]] else { throw problem("`notices[\(i)].holidays` is missing") }
            guard let days = notice["workdays"] as? [[String: Any]] else { throw problem("`notices[\(i)].workdays` is missing") }
            for (j, range) in ranges.enumerated() {
                guard let first = (range["from"] as? String).flatMap(parse), let last = (range["to"] as? String).flatMap(parse), first <= last else {
                    throw problem("`notices[\(i)].holidays[\(j)]` is not a range of days (from, to)")
                }
                for n in first...last { holidays.insert(JudgeCalendar.date(serial: n)) }
            }
            for (j, day) in days.enumerated() {
                guard let n = (day["date"] as? String).flatMap(parse) else { throw problem("`notices[\(i)].workdays[\(j)].date` is not a day") }
                workdays.insert(JudgeCalendar.date(serial: n))
            }
        }
        return JudgeOfficialDays(holidays: holidays, workdays: workdays)
    }

    /// `YYYY-MM-DD` as a day count since 1970-01-01; nil for anything else or a day the month lacks.
    static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...JudgeCalendar.length(year: y, month: m)).contains(d)
        else { return nil }
        return JudgeCalendar.serial(year: y, month: m, day: d)
    }
}

/// Why the checker cannot read the official calendar data: a broken installation.
struct JudgeDataProblem: Error, Sendable {
    /// The message, naming the file and the key.
    let text: String
}

extension RosterChecker {
    /// Nil when the checker could read the package's official calendar data; else what is
    /// wrong, for the command line to report as an internal error before judging a scenario
    /// with `official: cn` (judging one without the data would stop the program).
    public static var officialCalendarProblem: String? {
        switch JudgeOfficialDays.loaded {
        case .success: return nil
        case .failure(let problem): return problem.text + "; the installation is broken: rebuild zhudian and keep the zhudian_ZhudianCore.resources folder next to the binary"
        }
    }
}
