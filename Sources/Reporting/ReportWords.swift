public import Diagnostics

/// What a report says in another language besides the findings' own messages: the summary line
/// and the description of a check no rule describes (SARIF rule metadata).
public struct ReportWords: Sendable {
    /// The summary line, e.g. «14 замечаний в 4 файлах: 4 ошибки, 2 предупреждения, 8 примечаний».
    public var summary: @Sendable (ReportSummary) -> String
    /// The summary of a tool check (`measure.invalid-value`), by id and level.
    public var placeholder: @Sendable (_ id: String, _ level: Severity) -> RuleSummary
    /// The Markdown summary's headings (`nil`: English).
    public var markdown: MarkdownWords?

    public init(
        summary: @escaping @Sendable (ReportSummary) -> String,
        placeholder: @escaping @Sendable (_ id: String, _ level: Severity) -> RuleSummary,
        markdown: MarkdownWords? = nil
    ) {
        self.summary = summary
        self.placeholder = placeholder
        self.markdown = markdown
    }
}

/// The fixed words of ``MarkdownReporter`` in another language.
public struct MarkdownWords: Sendable {
    /// The verdict after "subsidy lint: ", e.g. "❌ failed (fail on error)".
    public var verdict: @Sendable (_ failed: Bool, _ failOn: Severity) -> String
    /// The header row of the table of files: "| File | Errors | Warnings | Notes |".
    public var filesHeader: String
    /// The header row of the table of findings: "| Level | Place | Rule | Finding |".
    public var findingsHeader: String
    /// A level as the table of findings names it.
    public var level: @Sendable (Severity) -> String
    /// The heading of the inputs that could not be read.
    public var unread: String

    public init(
        verdict: @escaping @Sendable (Bool, Severity) -> String, filesHeader: String, findingsHeader: String,
        level: @escaping @Sendable (Severity) -> String, unread: String
    ) {
        self.verdict = verdict
        self.filesHeader = filesHeader
        self.findingsHeader = findingsHeader
        self.level = level
        self.unread = unread
    }

    /// The English words (the Markdown format's own).
    public static let english = MarkdownWords(
        verdict: { failed, failOn in (failed ? "❌ failed" : "✅ passed") + " (fail on \(failOn.rawValue))" },
        filesHeader: "| File | Errors | Warnings | Notes |",
        findingsHeader: "| Level | Place | Rule | Finding |",
        level: { $0.rawValue },
        unread: "**Inputs that could not be read** (the run is incomplete):")
}
