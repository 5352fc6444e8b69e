import ArgumentParser

/// The `--formats` option's value, read the same way by `plan`, `whatif` and `export`.
enum FormatList {
    /// `"json, CSV,,xlsx"` → `["json", "csv", "xlsx"]`.
    static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// The first name in `text` that is not `available`, as the message the command gives.
    static func validate(_ text: String, available: [String], message: (String, String) -> String) throws {
        for f in parse(text) where !available.contains(f) {
            throw ValidationError(message(f, available.joined(separator: ",")))
        }
    }
}
