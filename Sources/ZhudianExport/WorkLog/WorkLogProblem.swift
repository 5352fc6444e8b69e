import ZhudianCore

/// A work-log row `zhudian stats` refuses, with where it is and how to fix it.
public struct WorkLogProblem: Error, Sendable, Equatable {
    /// What is wrong.
    public enum Kind: Error, Sendable, Equatable {
        /// The file is neither a workbook nor a CSV file, or cannot be read as one.
        case notALog(NotALog)
        /// No sheet has the header row (a 日期 column).
        case noHeader
        /// A column the work log needs is not in the header.
        case missingColumn(String)
        /// The 日期 cell holds no date.
        case notADate(String)
        /// The site's id is not a site of the roster.
        case unknownSite(String)
        /// No supervisor's id on the row.
        case noPeople
        /// A person's id is not in the roster.
        case unknownPerson(String)
        /// Resident: the person is not at this site on this day (their stays there, if any).
        case outsideStay(person: String, site: String, date: CivilDate, stays: [DateRange])
        /// Visiting: no visit to this site is planned on this day.
        case notAVisit(site: String, date: CivilDate)
        /// Visiting: the person is not on the planned visit.
        case notOnVisit(person: String, site: String, date: CivilDate, people: [String])
        /// A counter is not a number.
        case notANumber(column: String, text: String)
        /// A counter is below zero.
        case negative(column: String, value: Double)
        /// A whole-number counter has decimals.
        case notWhole(column: String, value: Double)
        /// The same site and day again.
        case duplicate(site: String, date: CivilDate, first: WorkLogPlace)
    }

    /// Why a file is not a work log.
    public enum NotALog: Sendable, Equatable {
        /// A `.csv` file that is not UTF-8.
        case notUTF8
        /// Not a workbook: what is wrong with it.
        case workbook(String)
    }

    /// Where.
    public let place: WorkLogPlace
    /// What.
    public let kind: Kind

    /// Creates a problem.
    public init(place: WorkLogPlace, kind: Kind) {
        self.place = place
        self.kind = kind
    }

    /// `error: FILE:SHEET:ROW: message`.
    public func render(_ l: Language) -> String { "error: \(place): " + message(l) }

    func message(_ l: Language) -> String {
        let zh = l == .zh
        switch kind {
        case .notALog(.notUTF8):
            return zh ? "CSV 文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
                : "the CSV file is not UTF-8; save it from Excel as 'CSV UTF-8 (Comma delimited)'"
        case .notALog(.workbook(let why)):
            return zh ? "不是可读取的工作日志（\(why)）；请提交 zhudian export --formats worklog 导出的 .xlsx，或同样列的 .csv"
                : "not a readable work log (\(why)); give the .xlsx that `zhudian export --formats worklog` wrote, or a .csv with its columns"
        case .noHeader:
            return zh ? "找不到表头（含“\(WorkLogColumn.date)”列的行）；请使用导出的工作日志模板"
                : "no header row (a row with a '\(WorkLogColumn.date)' column); fill in the exported work-log template"
        case .missingColumn(let c):
            return zh ? "表头缺少“\(c)”列；请从导出的工作日志模板复制表头" : "the header has no '\(c)' column; copy the header from the exported work log"
        case .notADate(let t):
            return zh ? "“\(WorkLogColumn.date)”不是日期：'\(t)'；请写成 YYYY-MM-DD" : "'\(WorkLogColumn.date)' is not a date: '\(t)'; write it as YYYY-MM-DD"
        case .unknownSite(let s):
            return zh ? "企业编号 '\(s)' 不是本排班的驻点企业；请改为排班中的企业编号" : "site '\(s)' is not a site of this roster; use the site id the roster gives"
        case .noPeople:
            return zh ? "“\(WorkLogColumn.peopleIDs)”为空；请填写到场驻点人员的编号" : "'\(WorkLogColumn.peopleIDs)' is empty; write the ids of the supervisors who were there"
        case .unknownPerson(let p):
            return zh ? "人员编号 '\(p)' 不在本排班中；请改为排班中的人员编号" : "person '\(p)' is not in this roster; use the person id the roster gives"
        case let .outsideStay(p, s, d, stays):
            let list = stays.map { "\($0.from)..\($0.to)" }.joined(separator: ", ")
            if stays.isEmpty {
                return zh ? "\(p) 未安排在 \(s) 驻点；请删去其编号或改正企业编号" : "\(p) is not placed at \(s); remove their id or correct the site"
            }
            return zh ? "\(d) 不在 \(p) 于 \(s) 的驻点期间（\(list)）；请改正日期或人员"
                : "\(d) is outside \(p)'s stay at \(s) (\(list)); correct the date or the person"
        case let .notAVisit(s, d):
            return zh ? "\(d) 没有安排走访 \(s)；请改为计划的走访日期" : "no visit to \(s) is planned on \(d); use the date of a planned visit"
        case let .notOnVisit(p, s, d, people):
            return zh ? "\(p) 不在 \(d) 走访 \(s) 的人员中（\(people.joined(separator: "、"))）；请改正人员"
                : "\(p) is not on the visit to \(s) on \(d) (\(people.joined(separator: ", "))); correct the people"
        case let .notANumber(c, t):
            return zh ? "“\(c)”不是数字：'\(t)'；未发生请填 0" : "'\(c)' is not a number: '\(t)'; write 0 when there was none"
        case let .negative(c, v):
            return zh ? "“\(c)”为负数 \(WorkLogTotals.text(v))；计数不能小于 0" : "'\(c)' is negative (\(WorkLogTotals.text(v))); counts are 0 or more"
        case let .notWhole(c, v):
            return zh ? "“\(c)”应为整数，而不是 \(WorkLogTotals.text(v))" : "'\(c)' must be a whole number, not \(WorkLogTotals.text(v))"
        case let .duplicate(s, d, first):
            return zh ? "\(s) 在 \(d) 的记录重复（首次出现在 \(first)）；请合并为一行"
                : "a second row for \(s) on \(d) (the first is at \(first)); merge them into one row"
        }
    }
}
