/// The language of user-facing text: Chinese when `LANG` starts with `zh`, English otherwise.
///
/// Exports and official forms are always Chinese; this choice concerns CLI
/// messages, diagnostics and violations. Each module keeps its messages in one
/// enum with a `render(_:)` switch — the message table — rather than scattering strings.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from a `LANG`-style value (`zh_CN.UTF-8` → `.zh`).
    public init(lang: String?) {
        self = (lang ?? "").lowercased().hasPrefix("zh") ? .zh : .en
    }
}

/// A message that can be shown in either language.
public protocol LocalizedMessage: Sendable {
    /// The text in `language`.
    func render(_ language: Language) -> String
}
