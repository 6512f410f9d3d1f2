/// A message people read, kept as a template with named arguments so that another language can
/// word it from its own catalogue (`Rules/i18n/ru/messages.yaml`, section `messages`), keyed by
/// ``key``. The English template lives in one place, the module's message table (a
/// ``MessageTable`` enum such as `YAMLMessage`), never copied at the call sites.
///
/// A template writes `{name}` where an argument goes; arguments are values the user wrote (kept
/// verbatim in every language), numbers, or nested messages worded in the same language.
public struct MessageText: Hashable, Sendable {
    /// The catalogue key, `<table prefix>.<case>`, e.g. `measure.country` (the diagnostic's id,
    /// `measure.invalid-value`, is separate: several messages may share one id).
    public var key: String
    /// The English template.
    public var template: String
    public var arguments: [String: MessageArgument]

    public init(key: String, template: String, arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.template = template
        self.arguments = arguments
    }

    /// The message in English.
    public var english: String { worded { _ in nil } }

    /// The message worded from `templates`: the template it gives for a key (this message's and
    /// every nested one's), else the English template. `count` words `{name|one|few|many}`
    /// placeholders (a number and its noun) in languages that have them.
    public func worded(
        _ templates: (String) -> String?,
        count: (Int, [String]) -> String = { n, _ in String(n) }
    ) -> String {
        let text = templates(key) ?? template
        return Self.fill(text) { name, forms in
            switch arguments[name] {
            case .text(let value)?: return value
            case .number(let n)?: return forms.isEmpty ? String(n) : count(n, forms)
            case .message(let inner)?: return inner.worded(templates, count: count)
            case nil: return nil
            }
        }
    }

    /// The names of the placeholders `template` uses (`{name}` or `{name|forms…}`).
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { name, _ in names.append(name); return "" }
        return names
    }

    /// `template` with each `{name}` or `{name|a|b|c}` replaced by `value(name, [a, b, c])`; a
    /// placeholder with no value is left as written, so that a gap shows.
    public static func fill(_ template: String, _ value: (String, [String]) -> String?) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { return out + rest[open...] }
            let parts = rest[after..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let name = parts.first, !name.isEmpty, let filled = value(name, Array(parts.dropFirst())) {
                out += filled
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension MessageText {
    /// Text shown as it is in every language (no catalogue key): a caller's English phrase, a
    /// message from libyaml.
    public static func verbatim(_ text: String) -> MessageText {
        MessageText(key: "", template: "{text}", arguments: ["text": .text(text)])
    }

    /// Nothing (an absent hint).
    public static let empty = MessageText(key: "", template: "")
}

/// One argument of a ``MessageText``.
public indirect enum MessageArgument: Hashable, Sendable {
    /// Shown as it is in every language: a value, key, path or code from the user's file.
    case text(String)
    /// A count (a Russian template may give the noun's forms: `{count|ключ|ключа|ключей}`).
    case number(Int)
    /// A phrase worded in the same language as the message.
    case message(MessageText)
}

/// A module's messages: one case per message, its English template in ``template`` (a switch, so
/// that a new case without one does not compile). `subsidy rules check` reports a case whose key
/// has no Russian template.
public protocol MessageTable: CaseIterable, Sendable {
    /// The key's prefix, e.g. `yaml` (keys are `prefix.case-name`).
    static var prefix: String { get }
    var template: String { get }
}

extension MessageTable where Self: RawRepresentable, RawValue == String {
    public var key: String { Self.prefix + "." + rawValue }

    /// The message with `arguments`.
    public func callAsFunction(_ arguments: [String: MessageArgument] = [:]) -> MessageText {
        MessageText(key: key, template: template, arguments: arguments)
    }

    /// Every key and English template of the table.
    public static var entries: [(key: String, template: String)] { allCases.map { ($0.key, $0.template) } }
}
