import ZhudianCore

/// The exports a planner can ask for with `--formats` (the roster itself, `json`, is the
/// command line's: it belongs to ZhudianScenario's file format).
public enum ExportFormat: String, CaseIterable, Sendable {
    /// `roster.csv`.
    case csv
    /// `visits.csv`, for a roster with visits (visiting mode); nothing for a resident one.
    case visits
    /// `roster.xlsx`.
    case xlsx
    /// `ics/person-<id>.ics`, `ics/site-<id>.ics`, `ics/bureau.ics`.
    case ics
    /// `report.html`.
    case html
    /// `roster.md`.
    case md
    /// `forms.xlsx`, `forms.html`.
    case forms
    /// `worklog/<site>-<YYYY-MM>.xlsx`: the work-log workbooks to fill in (``WorkLogWorkbook``).
    case worklog

    /// The files this format always writes (the calendars' names depend on the roster; they
    /// live in ``calendarFolder``).
    public var fixedPaths: [String] {
        switch self {
        case .csv: return ["roster.csv"]
        case .visits: return ["visits.csv"]
        case .xlsx: return ["roster.xlsx"]
        case .ics: return [BureauCalendar.path]
        case .html: return ["report.html"]
        case .md: return ["roster.md"]
        case .forms: return ["forms.xlsx", "forms.html"]
        case .worklog: return []
        }
    }

    /// The folder of the calendars.
    public static let calendarFolder = "ics"
    /// The folder of the work-log workbooks.
    public static let workLogFolder = "worklog"

    /// The files of this format for a roster, as paths relative to the output folder; each is a
    /// pure function of the roster and its scenario (same input, same bytes).
    ///
    /// - Throws: ``XLSXError`` only on a bug in the zip writer.
    public func files(_ roster: Roster, scenario: Scenario) throws -> [(path: String, bytes: [UInt8])] {
        switch self {
        case .csv: return [("roster.csv", RosterCSV.bytes(roster, scenario: scenario))]
        case .visits: return VisitsCSV.bytes(roster, scenario: scenario).map { [("visits.csv", $0)] } ?? []
        case .xlsx: return [("roster.xlsx", try RosterWorkbook.bytes(roster, scenario: scenario))]
        case .ics: return RosterCalendars.files(roster, scenario: scenario) + [BureauCalendar.file(roster, scenario: scenario)]
        case .html: return [("report.html", ReportHTML.bytes(roster, scenario: scenario))]
        case .md: return [("roster.md", RosterMarkdown.bytes(roster, scenario: scenario))]
        case .forms:
            return [("forms.xlsx", try FormsWorkbook.bytes(roster, scenario: scenario)),
                    ("forms.html", FormsHTML.bytes(roster, scenario: scenario))]
        case .worklog: return try WorkLogWorkbook.files(roster, scenario: scenario)
        }
    }
}
