import Foundation

/// ``OfficialCalendar``'s reader of `official-cn.json` (the checker has its own): the file's
/// notices decoded and checked, then expanded to days.
///
/// The file (written by `scripts/official-calendar.py`):
///
///     {"format": "zhudian-official-calendar", "version": 1, "calendar": "cn", "source": "…",
///      "notices": [{"year": 2023, "title": "国务院办公厅关于2023年部分节假日安排的通知",
///                   "holidays": [{"name": "元旦", "from": "2022-12-31", "to": "2023-01-02"}, …],
///                   "workdays": [{"date": "2023-01-28", "name": "春节"}, …]}, …]}
///
/// Every problem is thrown with its key path; nothing is dropped.
///
/// - Complexity: O(file size + days listed).
enum OfficialCalendarData {
    struct File: Decodable {
        let format: String
        let version: Int
        let calendar: String
        let notices: [Notice]
    }

    struct Notice: Decodable {
        let year: Int
        let title: String
        let holidays: [Holiday]
        let workdays: [Workday]
    }

    struct Holiday: Decodable {
        let name: String
        let from: String
        let to: String
    }

    struct Workday: Decodable {
        let date: String
        let name: String
    }

    /// The file at `path` (its bytes `bytes`) as a table.
    static func table(path: String, bytes: [UInt8]) throws(OfficialCalendarError) -> OfficialCalendar.Table {
        func fail(_ problem: String) -> OfficialCalendarError { OfficialCalendarError(path: path, problem: problem) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw fail(describe(error))
        } catch {
            throw fail("is not JSON: \(error)")
        }
        guard file.format == "zhudian-official-calendar", file.version == 1, file.calendar == "cn" else {
            throw fail("is not version 1 of zhudian's official calendar for cn (format \(file.format), version \(file.version), calendar \(file.calendar))")
        }
        guard let first = file.notices.first?.year else { throw fail("lists no notice") }
        var holidays: [CivilDate] = []
        var workdays: [CivilDate] = []
        for (i, notice) in file.notices.enumerated() {
            let at = "notices[\(i)]"
            guard notice.year == first + i else { throw fail("`\(at).year` is \(notice.year), expected \(first + i): one notice a year, in order") }
            guard !notice.title.isEmpty else { throw fail("`\(at).title` is empty") }
            for (j, h) in notice.holidays.enumerated() {
                guard let a = CivilDate(iso: h.from) else { throw fail("`\(at).holidays[\(j)].from` is not a date: \(h.from)") }
                guard let b = CivilDate(iso: h.to) else { throw fail("`\(at).holidays[\(j)].to` is not a date: \(h.to)") }
                guard a <= b else { throw fail("`\(at).holidays[\(j)]` ends (\(h.to)) before it starts (\(h.from))") }
                holidays += (0...a.days(to: b)).map { a.addingDays($0) }
            }
            for (j, w) in notice.workdays.enumerated() {
                guard let d = CivilDate(iso: w.date) else { throw fail("`\(at).workdays[\(j)].date` is not a date: \(w.date)") }
                workdays.append(d)
            }
        }
        let holidaySet = Set(holidays)
        if let both = workdays.sorted().first(where: { holidaySet.contains($0) }) {
            throw fail("lists \(both) both as a holiday and as a make-up working day")
        }
        return OfficialCalendar.Table(
            years: first...(first + file.notices.count - 1), holidays: holidaySet.sorted(), workdays: Set(workdays).sorted(),
            path: path)
    }

    /// A decoding error as the key path and what is wrong there.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let c): return "lacks `\(path(c.codingPath + [key]))`"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "has a wrong value at `\(path(c.codingPath))`: \(c.debugDescription)"
        case .dataCorrupted(let c): return "is not valid JSON\(c.codingPath.isEmpty ? "" : " at `\(path(c.codingPath))`"): \(c.debugDescription)"
        @unknown default: return "cannot be decoded: \(error)"
        }
    }
}
