/// One way the fuzzer breaks a scenario file.
public enum Mutation: String, CaseIterable, Sendable {
    /// Remove one line.
    case deleteLine
    /// Repeat one line right after itself (duplicate keys, list items).
    case duplicateLine
    /// Exchange two lines (indentation and structure move with them).
    case swapLines
    /// Repeat a run of lines (whole units, people, history terms).
    case duplicateBlock
    /// Replace a number with an extreme one (huge, negative, NaN, too precise).
    case extremeNumber
    /// Replace a value with an odd scalar (null, empty, a bad date, a tag, a long text).
    case oddScalar
    /// Point a reference (unit, site, person, from, to) at another or a missing id.
    case danglingId
    /// Change one byte (a bit flip, NUL, 0xFF, a stray UTF-8 lead byte).
    case flipByte
    /// Cut the file short.
    case truncate
}
