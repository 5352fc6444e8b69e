import Crypto
import Foundation
internal import Yams
import ZhudianCore

/// Reads scenario files (SPEC §1): checks the bytes, parses the YAML, fills
/// defaults and refuses bad input with every problem at once.
///
///     do {
///         let loaded = try ScenarioLoader.load(path: "taierzhuang.yaml")
///         print(loaded.scenario.units.count, loaded.sha256)
///     } catch {
///         for d in error.diagnostics { print(d.render(.en)) }   // error: FILE:LINE:COLUMN: …
///     }
///
/// Order of checks: size (before reading), UTF-8, YAML syntax and the bounds on
/// nesting and alias expansion (fatal: nothing else can be said about a file
/// that does not parse), then every field, all reported together.
///
/// - Complexity: O(n) in the file size; alias expansion and nesting are bounded
///   by ``maxValues`` and ``maxDepth``.
public enum ScenarioLoader {
    /// Largest file accepted, in bytes (10 MiB).
    public static let maxFileSize = 10_485_760
    /// Most values (scalars, lists and mappings, aliases counted as expanded) a file may hold.
    public static let maxValues = 1_000_000
    /// Deepest nesting of lists and mappings accepted; the format itself needs 4.
    public static let maxDepth = 64

    /// Loads the scenario at `path`.
    ///
    /// A file larger than ``maxFileSize`` is refused without being read into memory.
    ///
    /// - Throws: ``ScenarioLoadError``, with ``ScenarioLoadError/isFileSystemError``
    ///   set when the file cannot be read.
    public static func load(path: String) throws(ScenarioLoadError) -> LoadedScenario {
        let bytes: [UInt8]
        do throws(FileBytes.Failure) {
            bytes = try FileBytes.readAll(path, limit: maxFileSize)
        } catch {
            switch error {
            case .tooLarge(let size):
                throw ScenarioLoadError(diagnostics: [
                    ScenarioDiagnostic(
                        severity: .error, file: path, at: .start,
                        message: .fileTooLarge(bytes: size, limit: maxFileSize))
                ])
            case .unreadable(let reason):
                throw ScenarioLoadError(
                    diagnostics: [
                        ScenarioDiagnostic(
                            severity: .error, file: path, at: .start, message: .cannotRead(reason: reason))
                    ], isFileSystemError: true)
            }
        }
        return try load(data: bytes, file: path)
    }

    /// Loads a scenario from bytes; `file` names it in diagnostics.
    public static func load(data: Data, file: String) throws(ScenarioLoadError) -> LoadedScenario {
        try load(data: [UInt8](data), file: file)
    }

    /// Loads a scenario from bytes; `file` names it in diagnostics.
    public static func load(data: [UInt8], file: String) throws(ScenarioLoadError) -> LoadedScenario {
        func refuse(_ message: ScenarioMessage, at position: SourcePosition = .start) -> ScenarioLoadError {
            ScenarioLoadError(diagnostics: [
                ScenarioDiagnostic(severity: .error, file: file, at: position, message: message)
            ])
        }
        if data.count > maxFileSize {
            throw refuse(.fileTooLarge(bytes: data.count, limit: maxFileSize))
        }
        let body = TextCheck.strippingBOM(data)
        if let bad = TextCheck.firstInvalidUTF8(body) {
            throw refuse(.notUTF8(byte: body[bad]), at: TextCheck.position(ofByte: bad - body.startIndex, in: body))
        }
        let text = String(decoding: body, as: UTF8.self)

        let prescan = YAMLPrescan(depthLimit: maxDepth, valueLimit: maxValues).scan(body, text: text)
        if !prescan.isEmpty {
            throw ScenarioLoadError(
                diagnostics: prescan.map {
                    ScenarioDiagnostic(severity: .error, file: file, at: $0.position, message: $0.message)
                })
        }

        let root: Node?
        do {
            // No implicit tags (every plain scalar is `str`): the decoder reads scalars as
            // written and tells null by its text (`Node.isNull`), and the prescan has already
            // refused duplicate keys by text. Yams's default resolver matched each mapping key
            // against seven regular expressions to hash it for its own duplicate check: a
            // third of loading peer row 19 (perf; BENCHMARKS.md, "Small staying-on rows, tenth
            // round").
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            let (position, message) = translate(error)
            throw refuse(message, at: position)
        }
        guard let root, !root.isNull else { throw refuse(.emptyFile) }
        guard case .mapping = root else {
            throw refuse(.topLevelNotMapping(found: root.found), at: root.position)
        }

        var decoder = ScenarioDecoder(file: file, valueLimit: maxValues)
        let scenario = decoder.decodeScenario(root)
        guard let scenario, !decoder.hasErrors else {
            throw ScenarioLoadError(diagnostics: decoder.diagnostics)
        }
        let official = try officialCalendarWarnings(scenario, file: file, sourceMap: decoder.sourceMap)
        return LoadedScenario(
            scenario: scenario, sha256: sha256Hex(data), file: file, sourceMap: decoder.sourceMap,
            warnings: (decoder.diagnostics + official).sortedByPosition())
    }

    /// With `official: cn`: reads the package's official calendar (a broken data file is an
    /// internal error, not the planner's) and warns about plan days in years it does not cover.
    static func officialCalendarWarnings(
        _ scenario: Scenario, file: String, sourceMap: SourceMap
    ) throws(ScenarioLoadError) -> [ScenarioDiagnostic] {
        guard scenario.calendar.official == "cn" else { return [] }
        let position = sourceMap.nearestPosition("calendar.official")
        let table: ZhudianCore.OfficialCalendar.Table
        do {
            table = try ZhudianCore.OfficialCalendar.table()
        } catch {
            throw ScenarioLoadError(
                diagnostics: [ScenarioDiagnostic(severity: .error, file: file, at: position, message: .officialCalendarBroken(detail: "\(error)"))],
                isInternalError: true)
        }
        let days = scenario.horizon
        guard days.from <= days.to else { return [] }
        let unknown = (days.from.year...days.to.year).filter { !table.years.contains($0) }
        guard !unknown.isEmpty else { return [] }
        return [ScenarioDiagnostic(
            severity: .warning, file: file, at: position,
            message: .officialYearsUnknown(path: "calendar.official", years: unknown, known: table.years))]
    }

    /// Lower-case hex SHA-256 of `bytes`, as rosters name their scenario.
    ///
    ///     ScenarioLoader.sha256Hex(Array("abc".utf8))
    ///     // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }

    /// Yams' errors, which the prescan mostly catches first; kept so that
    /// whatever Yams still refuses gets a place and a readable message.
    private static func translate(_ error: any Error) -> (SourcePosition, ScenarioMessage) {
        guard let yaml = error as? YamlError else {
            return (.start, .yamlSyntax(problem: String(describing: error), context: nil))
        }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (SourcePosition(line: mark.line, column: mark.column), .yamlSyntax(problem: problem, context: nil))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                SourcePosition(line: context.mark.line, column: context.mark.column),
                .duplicateKey(path: duplicates.first ?? "?", firstLine: context.mark.line)
            )
        case .reader(let problem, _, _, _):
            return (.start, .yamlSyntax(problem: problem, context: nil))
        default:
            return (.start, .yamlSyntax(problem: String(describing: yaml), context: nil))
        }
    }
}
