import Diagnostics
import Reporting

/// A fixed set of findings covering what reporters must get right: Cyrillic text and paths,
/// quotes, `<>&`, `%`, `:` and `,`, newlines and a control character in messages, a Markdown
/// draft, a multi-line range, a file-level finding and one that belongs to no file.
enum Fixtures {
    static let yamlPath = "Examples/measures/auto-components.yaml"
    static let markdownPath = "drafts/Фонд поддержки.md"
    static let brokenPath = "Examples/broken.yaml"
    static let cleanPath = "Examples/clean.yaml"

    static let yaml = """
        id: KZ-MIID-2026-014
        title: "Interest-rate subsidy for auto-component makers"
        member_state: KZ
        granting_body:
          kind: government
          name: Министерство промышленности
        conditions:
          domestic_goods: in-law
        benefit: unknown
        forms: [interest-subsidy]

        """

    static let markdown = """
        ---
        id: KZ-DRAFT-1
        title: Draft <support> & "quotes"
        member_state: KZ
        period:
          from: 2026-02-30
        ---
        # Фонд поддержки

        """

    static func range(_ file: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(
            file: file, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: endLine, column: endColumn))
    }

    /// Deliberately out of order: reporters must sort.
    static let findings: [Finding] = [
        Finding(
            ruleID: "wto.scm.art2.specific", level: .warning,
            message: "specific subsidy: title says <support> & \"quotes\", 100% 'sure'\u{01}\r\nsecond line: a, b",
            range: range(markdownPath, 3, 8, 3, 34)),
        Finding(
            ruleID: "input.unreadable", level: .error,
            message: "cannot read 'missing.yaml': no such file", range: nil),
        Finding(
            ruleID: "wto.scm.art1.benefit", level: .warning,
            message: "undetermined under WTO rules: 'benefit' is unknown",
            range: range(yamlPath, 9, 10, 9, 17),
            notes: [Note("question: Are the terms more favourable than the market?")]),
        Finding(
            ruleID: "eaeu.annex28.prohibited.domestic-goods", level: .error,
            message:
                "prohibited subsidy under EAEU rules: contingent on domestic goods 'in-law'\nno transitional exemption is claimed",
            range: range(yamlPath, 8, 19, 8, 25),
            help: "remove the local-content condition, or claim a listed transitional exemption",
            notes: [Note("the condition is declared here", at: range(yamlPath, 7, 1, 7, 11))]),
        Finding(
            ruleID: "measure.invalid-date", level: .error,
            message: "'2026-02-30' is not a day of the calendar",
            range: range(markdownPath, 6, 9, 6, 19)),
        Finding(
            ruleID: "eaeu.annex28.para97", level: .note,
            message: "notification duty: quarterly list of subsidies granted by 'Министерство промышленности'",
            range: range(yamlPath, 4, 1, 7, 1)),
        Finding(
            ruleID: "measure.empty", level: .error,
            message: "the file holds no measure", range: range(brokenPath, 0, 0, 0, 0)),
    ]

    static let rules: [RuleSummary] = [
        RuleSummary(
            id: "eaeu.annex28.prohibited.domestic-goods",
            shortDescription: "Subsidy contingent on using domestic over imported goods",
            fullDescription: "Flags measures granted on condition that the recipient uses domestic goods.",
            provision: "Subsidies contingent on the use of domestic over imported goods are prohibited.",
            citation: "EAEU Treaty, Annex 28, para 8",
            howToComply: "Remove the condition, or claim a transitional exemption that covers it.",
            defaultLevel: .error, tags: ["eaeu", "prohibited", "eaeu"]),
        RuleSummary(
            id: "wto.scm.art1.benefit",
            shortDescription: "Benefit unknown",
            fullDescription: "Whether the measure confers a benefit decides whether it is a subsidy.",
            provision: "A subsidy exists if a financial contribution confers a benefit.",
            citation: "SCM Agreement, Art. 1.1(b)",
            howToComply: "State whether the terms are more favourable than the market.",
            defaultLevel: .warning, tags: ["wto"]),
        RuleSummary(
            id: "eaeu.annex28.para97", name: "QuarterlyNotification",
            shortDescription: "Quarterly notification of subsidies granted",
            fullDescription: "Members notify the subsidies granted each quarter.",
            helpText: "Notify the Commission.", helpMarkdown: "Notify the *Commission*.",
            defaultLevel: .note, tags: ["eaeu", "notification"], helpURI: "https://example.org/rules/para97"),
        RuleSummary(
            id: "wto.scm.art2.specific",
            shortDescription: "Specific subsidy",
            fullDescription: "A subsidy limited to certain enterprises is specific.",
            provision: "A subsidy is specific if access is explicitly limited to certain enterprises.",
            citation: "SCM Agreement, Art. 2.1(a)",
            howToComply: "Use objective, neutral eligibility criteria.",
            defaultLevel: .warning, tags: ["wto", "specificity"]),
    ]

    static let sources: [String: SourceText] = [
        yamlPath: SourceText(path: yamlPath, text: yaml),
        markdownPath: SourceText(path: markdownPath, text: markdown),
    ]

    static func context(failOn: Severity = .warning) -> ReportContext {
        ReportContext(
            version: "0.1.0", informationURI: "https://example.org/subsidy", rules: rules,
            repositoryRoot: "/repo", sources: sources,
            checkedFiles: [yamlPath, markdownPath, brokenPath, cleanPath], failOn: failOn)
    }
}
