public import Diagnostics

/// The Russian text of the corpus, read from `Rules/i18n/ru/*.yaml` (format: Rules/i18n/README.md).
/// Every entry keeps the range it was read from, so a check can point at it.
public struct RussianCatalogue: Sendable {
    /// A rule's Russian title, paraphrase and provision, and the authentic wording where it was read.
    public struct RuleText: Sendable, Equatable {
        public var title: String
        /// A paraphrase in legal Russian, never the authentic text (shown as such).
        public var text: String
        /// The provision as Russian texts write it («пункт 78 раздела VII Протокола»); `nil` when
        /// the entry gives none.
        public var provision: String?
        public var official: OfficialText
        /// The entry's key in its file.
        public var range: SourceRange
    }

    /// Whether the official Russian wording of a provision was read.
    public enum OfficialText: Sendable, Equatable {
        /// A verbatim quote (elisions marked «…») with the address it was read at.
        case quoted(Quote)
        /// Not read: the paraphrase is all there is, and the output says so.
        case notRead
    }

    public struct Quote: Sendable, Equatable {
        public var text: String
        /// Where the wording was read (an address, with the reference file that recorded it).
        public var source: String
        /// The provision the quote is taken from, when it is not the whole provision of the rule.
        public var provision: String?

        public init(text: String, source: String, provision: String?) {
            self.text = text
            self.source = source
            self.provision = provision
        }
    }

    /// An instrument as the corpus's `citation.instrument` names it in English, and in Russian.
    public struct Instrument: Sendable, Equatable {
        /// The exact English text of `instrument:` in the rule files.
        public var english: String
        /// The Russian name to print.
        public var russian: String
        /// Whether ``russian`` is the instrument's official Russian name (given in issue 17 or
        /// read in an official text), rather than this catalogue's rendering.
        public var officialName: Bool
        public var range: SourceRange
    }

    /// A fact's question and one-line help.
    public struct FactText: Sendable, Equatable {
        /// `nil` for facts that are never asked (identifiers, free-text names).
        public var question: String?
        public var help: String
        public var range: SourceRange
    }

    /// A word or phrase for an enumerated value (a category, ground, kind, status, ...).
    public struct Term: Sendable, Equatable {
        public var text: String
        public var range: SourceRange
    }

    /// The sections of enumerated values, each mapping the contract's value to its Russian words.
    public enum TermSection: String, Sendable, CaseIterable {
        case regimes
        case categories
        case grounds
        case obligationKinds = "obligation_kinds"
        case obligationStatuses = "obligation_statuses"
        case submissionStatuses = "submission_statuses"
        case exceptionStatuses = "exception_statuses"
        case levels
        case answers
        /// Fixed memo phrases (labels such as the paraphrase and not-read notices).
        case phrases
    }

    /// By rule id.
    public var rules: [String: RuleText] = [:]
    /// Titles of tables and calendars, by id (calendar titles are the ICS summaries of `deadlines`).
    public var titles: [String: Term] = [:]
    /// By the English instrument text.
    public var instruments: [String: Instrument] = [:]
    /// English provision words (`Art.`, `para`, `footnote`) and how Russian texts write them.
    public var provisionTerms: [String: Term] = [:]
    /// By fact path (`eligibility.limited_to`).
    public var facts: [String: FactText] = [:]
    /// By section, then by the enumerated value.
    public var terms: [TermSection: [String: Term]] = [:]
    /// Templates of the tool's messages (diagnostics and their notes), by message key
    /// (``MessageText/key``, e.g. `measure.country`): `{name}` for an argument, `{name|one|few|many}`
    /// for a count and its noun.
    public var messages: [String: Term] = [:]

    public init() {}

    /// The Russian words for `value` in `section`, if the catalogue has them.
    public func term(_ section: TermSection, _ value: String) -> String? {
        terms[section]?[value]?.text
    }

    /// The phrase `key` with each `{name}` replaced by `values[name]`; a placeholder with no value
    /// is left as written, so that a gap shows. `nil` when the catalogue has no such phrase.
    public func phrase(_ key: String, _ values: [String: String] = [:]) -> String? {
        guard let text = terms[.phrases]?[key]?.text else { return nil }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[after...]
            }
        }
        return out + rest
    }
}
