import ZhudianCore

/// Reads filled work logs: the workbooks of ``WorkLogWorkbook`` (as Excel, WPS or LibreOffice
/// saved them) or CSV files with the same columns. Columns are found by their titles
/// (``WorkLogColumn/normalized(_:)``), so their order may change; rows whose counters and
/// narrative are all blank are pre-filled rows nobody filled, and are left out.
///
/// Every problem of every row is returned at once; the rows are then checked against the
/// roster by ``WorkLogCheck``.
///
///     let read = WorkLogReader.read(file: "logs/QX-2022-09.xlsx", bytes: bytes)
///
/// - Complexity: O(cells).
public enum WorkLogReader {
    /// A row as written, before it is checked against the roster.
    public struct Row: Sendable, Equatable {
        /// Where it was read.
        public let place: WorkLogPlace
        /// The 日期 cell.
        public let date: CivilDate
        /// The 企业编号 cell.
        public let site: String
        /// The 人员编号 cell, split.
        public let people: [String]
        /// The filled counters (a blank cell is absent: 0).
        public let counts: [WorkLogCounter: Double]
        /// The 驻点监督任务开展情况 cell.
        public let narrative: String
    }

    /// The filled rows and the problems of a file.
    public static func read(file: String, bytes: [UInt8]) -> (rows: [Row], problems: [WorkLogProblem]) {
        if file.lowercased().hasSuffix(".csv") {
            // Excel's plain "CSV" is in the machine's code page (GBK on Chinese Windows).
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return ([], [WorkLogProblem(place: WorkLogPlace(file: file, sheet: nil, row: 1), kind: .notALog(.notUTF8))])
            }
            var cells: [Int: [Int: XLSXReader.Value]] = [:]
            for (r, fields) in CSVTable.rows(text).enumerated() {
                for (c, f) in fields.enumerated() where !f.isEmpty { cells[r + 1, default: [:]][c] = .text(f) }
            }
            return table(cells, file: file, sheet: nil) ?? ([], [WorkLogProblem(place: WorkLogPlace(file: file, sheet: nil, row: 1), kind: .noHeader)])
        }
        let sheets: [XLSXReader.Sheet]
        do {
            sheets = try XLSXReader.sheets(bytes)
        } catch XLSXReader.Failure.notAWorkbook(let why) {
            return ([], [WorkLogProblem(place: WorkLogPlace(file: file, sheet: nil, row: 1), kind: .notALog(.workbook(why)))])
        } catch {
            return ([], [WorkLogProblem(place: WorkLogPlace(file: file, sheet: nil, row: 1), kind: .notALog(.workbook("\(error)")))])
        }
        // Sheets without the header (a planner's own notes) are not logs.
        let read = sheets.compactMap { table($0.rows, file: file, sheet: $0.name) }
        guard !read.isEmpty else {
            return ([], [WorkLogProblem(place: WorkLogPlace(file: file, sheet: sheets.first?.name, row: 1), kind: .noHeader)])
        }
        return (read.flatMap(\.rows), read.flatMap(\.problems))
    }

    /// The rows under the header of one sheet; nil when it has no header row.
    static func table(_ cells: [Int: [Int: XLSXReader.Value]], file: String, sheet: String?) -> (rows: [Row], problems: [WorkLogProblem])? {
        let numbers = cells.keys.sorted()
        let date = WorkLogColumn.normalized(WorkLogColumn.date)
        guard let headerRow = numbers.first(where: { r in cells[r]?.values.contains { text($0) == date } ?? false }),
              let header = cells[headerRow] else { return nil }
        let columns: [String: Int]
        switch self.columns(header) {
        case .success(let found): columns = found
        case .failure(let missing):
            let place = WorkLogPlace(file: file, sheet: sheet, row: headerRow)
            return ([], missing.titles.map { WorkLogProblem(place: place, kind: .missingColumn($0)) })
        }
        var rows: [Row] = []
        var problems: [WorkLogProblem] = []
        for r in numbers where r > headerRow {
            let place = WorkLogPlace(file: file, sheet: sheet, row: r)
            let cell = { (title: String) in columns[WorkLogColumn.normalized(title)].flatMap { cells[r]?[$0] } }
            switch row(cell, place: place) {
            case .none: continue
            case .some(.success(let read)): rows.append(read)
            case .some(.failure(let bad)): problems += bad.problems
            }
        }
        return (rows, problems)
    }

    /// Column titles the header lacks.
    struct MissingColumns: Error {
        let titles: [String]
    }

    /// Normalised title → column index, or the titles the work log needs and the header lacks.
    static func columns(_ header: [Int: XLSXReader.Value]) -> Result<[String: Int], MissingColumns> {
        var column: [String: Int] = [:]
        for (c, v) in header.sorted(by: { $0.key < $1.key }) where column[WorkLogColumn.normalized(text(v))] == nil {
            column[WorkLogColumn.normalized(text(v))] = c
        }
        let needed = [WorkLogColumn.date, WorkLogColumn.siteID, WorkLogColumn.peopleIDs] + WorkLogCounter.allCases.map(\.title)
        let missing = needed.filter { column[WorkLogColumn.normalized($0)] == nil }
        return missing.isEmpty ? .success(column) : .failure(MissingColumns(titles: missing))
    }

    /// A row's problems.
    struct BadRow: Error {
        let problems: [WorkLogProblem]
    }

    /// One body row: nil when nobody filled it (counters and narrative blank).
    static func row(_ cell: (String) -> XLSXReader.Value?, place: WorkLogPlace) -> Result<Row, BadRow>? {
        var counts: [WorkLogCounter: Double] = [:]
        var bad: [WorkLogProblem] = []
        var filled = !(cell(WorkLogColumn.narrative).map(text) ?? "").isEmpty
        for counter in WorkLogCounter.allCases {
            switch count(cell(counter.title), counter) {
            case .none: continue
            case .some(.success(let x)): counts[counter] = x
            case .some(.failure(let kind)): bad.append(WorkLogProblem(place: place, kind: kind))
            }
            filled = true
        }
        guard filled else { return nil }
        let day = cell(WorkLogColumn.date).flatMap(civilDate)
        if day == nil { bad.insert(WorkLogProblem(place: place, kind: .notADate(cell(WorkLogColumn.date).map(text) ?? "")), at: 0) }
        let people = split(cell(WorkLogColumn.peopleIDs).map(text) ?? "")
        if people.isEmpty { bad.append(WorkLogProblem(place: place, kind: .noPeople)) }
        let site = (cell(WorkLogColumn.siteID).map(text) ?? "").trimmingSpaces
        if site.isEmpty { bad.append(WorkLogProblem(place: place, kind: .unknownSite(""))) }
        guard bad.isEmpty, let day else { return .failure(BadRow(problems: bad)) }
        return .success(Row(place: place, date: day, site: site, people: people, counts: counts,
                            narrative: cell(WorkLogColumn.narrative).map(text) ?? ""))
    }

    static func text(_ v: XLSXReader.Value) -> String {
        switch v {
        case .text(let t): return t
        case .number(let x): return XLSXWorksheetXML.number(x)
        }
    }

    /// A counter's value: nil when blank.
    static func count(_ v: XLSXReader.Value?, _ counter: WorkLogCounter) -> Result<Double, WorkLogProblem.Kind>? {
        let x: Double
        switch v {
        case .none: return nil
        case .number(let n): x = n
        case .text(let t):
            let s = t.trimmingSpaces
            if s.isEmpty { return nil }
            guard let n = Double(s), n.isFinite else { return .failure(.notANumber(column: counter.title, text: t)) }
            x = n
        }
        if x < 0 { return .failure(.negative(column: counter.title, value: x)) }
        if !counter.allowsDecimals && x != x.rounded() { return .failure(.notWhole(column: counter.title, value: x)) }
        return .success(x)
    }

    /// A date cell: an Excel day serial, or `YYYY-MM-DD` text.
    static func civilDate(_ v: XLSXReader.Value) -> CivilDate? {
        switch v {
        case .number(let n):
            guard n == n.rounded(), n > 0, n < 3_000_000 else { return nil }
            return CivilDate(dayNumber: Int(n) - XLSXWorksheetXML.unixEpochSerial)
        case .text(let t): return CivilDate(iso: t.trimmingSpaces)
        }
    }

    /// `A-01、A-02`, `A-01, A-02` or `A-01 A-02` → ids.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;； \u{3000}\n".contains($0) }).map(String.init)
    }
}
