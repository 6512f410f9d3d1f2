public import Diagnostics

/// What reporters need to know about a rule: the SARIF `reportingDescriptor` in plain values.
///
/// `Driver` builds these from the compiled rules, so `Reporting` never imports the compiler.
public struct RuleSummary: Hashable, Sendable {
    /// The stable rule id, e.g. `eaeu.annex28.prohibited.domestic-goods`.
    public var id: String
    /// A short PascalCase name (SARIF `name`), e.g. `EaeuAnnex28ProhibitedDomesticGoods`.
    public var name: String
    /// One sentence: what the rule flags.
    public var shortDescription: String
    /// A paragraph: what the rule decides and why.
    public var fullDescription: String
    /// Plain-text help: the provision, its citation and how to comply.
    public var helpText: String
    /// The same help as Markdown (GitHub shows it instead of the text).
    public var helpMarkdown: String
    /// The level the rule reports at unless configured otherwise.
    public var defaultLevel: Severity
    /// Tags shown by code scanning (e.g. `eaeu`, `prohibited`); at most 20 are kept by GitHub.
    public var tags: [String]
    /// A page documenting the rule, if there is one.
    public var helpURI: String?

    /// Creates a summary with help written by the caller.
    public init(
        id: String,
        name: String? = nil,
        shortDescription: String,
        fullDescription: String,
        helpText: String,
        helpMarkdown: String,
        defaultLevel: Severity,
        tags: [String] = [],
        helpURI: String? = nil
    ) {
        self.id = id
        self.name = name ?? RuleSummary.pascalCaseName(for: id)
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.helpText = helpText
        self.helpMarkdown = helpMarkdown
        self.defaultLevel = defaultLevel
        self.tags = tags
        self.helpURI = helpURI
    }

    /// Creates a summary whose help is composed from the provision, its citation and how to comply.
    ///
    /// - Parameters:
    ///   - id: The stable rule id.
    ///   - name: The PascalCase name; derived from the id when `nil`.
    ///   - shortDescription: One sentence: what the rule flags.
    ///   - fullDescription: What the rule decides and why.
    ///   - provision: The text (or a faithful summary) of the legal provision the rule applies.
    ///   - citation: Where the provision is, e.g. `EAEU Treaty, Annex 28, para 9`.
    ///   - howToComply: What a drafter can change so that the measure complies.
    ///   - defaultLevel: The level the rule reports at.
    ///   - tags: Code-scanning tags.
    ///   - helpURI: A page documenting the rule.
    public init(
        id: String,
        name: String? = nil,
        shortDescription: String,
        fullDescription: String,
        provision: String,
        citation: String,
        howToComply: String,
        defaultLevel: Severity,
        tags: [String] = [],
        helpURI: String? = nil
    ) {
        let text =
            "\(shortDescription)\n\nProvision: \(provision)\nCitation: \(citation)\nHow to comply: \(howToComply)"
        let markdown = """
            **\(shortDescription)**

            > \(provision.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> "))

            *Citation:* \(citation)

            **How to comply:** \(howToComply)
            """
        self.init(
            id: id, name: name, shortDescription: shortDescription, fullDescription: fullDescription,
            helpText: text, helpMarkdown: markdown, defaultLevel: defaultLevel, tags: tags, helpURI: helpURI)
    }

    /// A summary for an id no rule describes (a tool check such as `measure.invalid-value`).
    public static func placeholder(for id: String, level: Severity) -> RuleSummary {
        let text = "Reported by subsidy's '\(id)' check. Run `subsidy explain \(id)` for details."
        return RuleSummary(
            id: id, shortDescription: "subsidy check \(id)", fullDescription: text,
            helpText: text, helpMarkdown: text, defaultLevel: level, tags: ["subsidy"])
    }

    /// `eaeu.annex28.prohibited.domestic-goods` → `EaeuAnnex28ProhibitedDomesticGoods`.
    public static func pascalCaseName(for id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
