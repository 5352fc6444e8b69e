import ZhudianCore

/// One problem in a roster file, at a place in it: an error that leaves no roster (in a
/// ``RosterFileError``) or a format issue that leaves a usable one (in ``DecodedRoster``).
public struct RosterDiagnostic: Sendable, Equatable {
    /// The file as the user named it.
    public let file: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int
    /// What is wrong and how to fix it.
    public let message: RosterMessage

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, message: RosterMessage) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public func render(_ language: Language) -> String {
        "\(file):\(line):\(column): \(message.render(language))"
    }
}

/// A format problem that still leaves a usable roster (SPEC §4's key order, sorting, missing
/// optional keys, wrong `format`/`version`). `zhudian check` lists these among
/// the violations, so they render without `error:`.
public typealias RosterFormatIssue = RosterDiagnostic

/// Something a reader tells but does not hold against the roster: a key SPEC §4 does not
/// define, which a later version may have written. `zhudian` prints each on standard error
/// as `note: FILE:LINE:COLUMN: message`; `check` does not count it as a violation.
public typealias RosterNote = RosterDiagnostic

/// A roster file that cannot be read into a ``Roster``: not JSON, wrong types, bad dates.
///
/// `zhudian` prints each as `error: FILE:LINE:COLUMN: message` and exits 2.
public struct RosterFileError: Error, Sendable, Equatable {
    /// All problems found, sorted by line, then column.
    public let diagnostics: [RosterDiagnostic]
    /// True when the file could not be read at all.
    public let isFileSystemError: Bool

    /// Creates the error.
    public init(diagnostics: [RosterDiagnostic], isFileSystemError: Bool = false) {
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
        self.isFileSystemError = isFileSystemError
    }

    /// Each problem as `error: FILE:LINE:COLUMN: message`, as every error line of `zhudian` starts.
    public func render(_ language: Language) -> [String] {
        diagnostics.map { "error: " + $0.render(language) }
    }
}

/// A roster read from a file, with the ways it departs from SPEC §4's format.
public struct DecodedRoster: Sendable {
    /// The roster, lists in the order the file has them.
    public let roster: Roster
    /// Format problems, sorted by position; empty for a file ``RosterFile/encode(_:)`` wrote.
    public let formatIssues: [RosterFormatIssue]
    /// Keys the reader does not know and ignored, sorted by position.
    public let notes: [RosterNote]

    /// Creates a decoded roster.
    public init(roster: Roster, formatIssues: [RosterFormatIssue], notes: [RosterNote] = []) {
        self.roster = roster
        self.formatIssues = formatIssues
        self.notes = notes
    }

    /// Each note as `note: FILE:LINE:COLUMN: message`.
    public func renderNotes(_ language: Language) -> [String] {
        notes.map { "note: " + $0.render(language) }
    }
}
