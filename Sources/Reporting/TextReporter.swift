internal import Diagnostics

/// Clang-style text: `path:line:col: level: message [rule]`, the source line with a caret,
/// notes, help, and a summary line at the end.
public struct TextReporter: Reporter {
    /// `text`.
    public static let identifier = "text"

    /// Whether to quote the flagged source line under each finding (off for terse CI logs).
    public var showSnippets: Bool

    /// Creates a text reporter.
    public init(showSnippets: Bool = true) {
        self.showSnippets = showSnippets
    }

    /// The findings in report order, then the summary line.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        let renderer = DiagnosticRenderer(sources: showSnippets ? context.sources : [:])
        var out = ""
        for finding in findings.sortedForReport() {
            out += renderer.render(finding.diagnostic)
            if let help = finding.help {
                out += "help: " + help + "\n"
            }
        }
        out += ReportSummary(findings, context: context).line + "\n"
        return out
    }
}
