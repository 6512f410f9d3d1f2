/// Renders lint findings in one output format. Reporters are pure: the same findings and context
/// always give the same text, sorted by file, line, column and rule id.
public protocol Reporter: Sendable {
    /// The `--format` value that selects this reporter (`text`, `json`, `sarif`, `junit`, `github`).
    static var identifier: String { get }

    /// The whole report for `findings`.
    ///
    /// - Parameters:
    ///   - findings: The findings, in any order.
    ///   - context: Tool, rules, sources and the failure threshold.
    /// - Returns: The report text, ending in a newline.
    func report(_ findings: [Finding], context: ReportContext) -> String
}

/// The output formats of `subsidy lint --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Clang-style text with source snippets and a summary line.
    case text
    /// A stable JSON document (`findings`, `summary`).
    case json
    /// SARIF 2.1.0 for GitHub code scanning.
    case sarif
    /// JUnit XML for CI test reports.
    case junit
    /// GitHub Actions workflow commands (`::error file=…::…`).
    case github
    /// A Markdown summary for a CI job page (`$GITHUB_STEP_SUMMARY`).
    case markdown

    /// The reporter for this format.
    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        }
    }

    /// The format named `identifier`, or `nil` for an unknown name (report it as a usage error).
    public init?(identifier: String) {
        self.init(rawValue: identifier)
    }
}
