public import Diagnostics

/// What a report says in another language besides the findings' own messages: the summary line
/// and the description of a check no rule describes (SARIF rule metadata).
public struct ReportWords: Sendable {
    /// The summary line, e.g. «14 замечаний в 4 файлах: 4 ошибки, 2 предупреждения, 8 примечаний».
    public var summary: @Sendable (ReportSummary) -> String
    /// The summary of a tool check (`measure.invalid-value`), by id and level.
    public var placeholder: @Sendable (_ id: String, _ level: Severity) -> RuleSummary

    public init(
        summary: @escaping @Sendable (ReportSummary) -> String,
        placeholder: @escaping @Sendable (_ id: String, _ level: Severity) -> RuleSummary
    ) {
        self.summary = summary
        self.placeholder = placeholder
    }
}
