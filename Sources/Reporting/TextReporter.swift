internal import Diagnostics

/// Clang-style text: `path:line:col: level: message [rule]`, the source line with a caret,
/// notes, help, and a summary line at the end.
///
/// A multi-line message keeps its verdict on the header line; the other lines follow it,
/// indented. Control characters (other than tab and line feed) are shown as `\u{1B}` so that a
/// message cannot move the cursor or recolour the user's terminal.
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
            out += Self.render(finding, renderer: renderer)
        }
        for error in context.inputErrors.sortedForReport() {
            out += Self.render(error, renderer: renderer)
        }
        out += context.summaryLine(ReportSummary(findings, context: context)) + "\n"
        return out
    }

    /// One finding: the header with the verdict, further message lines indented, the snippet,
    /// notes and help.
    static func render(_ finding: Finding, renderer: DiagnosticRenderer) -> String {
        var diagnostic = finding.diagnostic
        let lines = displayable(finding.message).split(separator: "\n", omittingEmptySubsequences: false)
        diagnostic.message = String(lines.first ?? "")
        diagnostic.notes = finding.notes.map { Note(displayable($0.message), at: $0.range) }
        let rendered = renderer.render(diagnostic)
        let headerEnd = rendered.firstIndex(of: "\n") ?? rendered.endIndex
        var out = String(rendered[..<headerEnd]) + "\n"
        for line in lines.dropFirst() { out += "  " + line + "\n" }
        if headerEnd < rendered.endIndex { out += rendered[rendered.index(after: headerEnd)...] }
        if let help = finding.help { out += "help: " + displayable(help) + "\n" }
        return out
    }

    /// `text` with CR LF and lone CR turned into LF, and other control characters but tab made visible.
    static func displayable(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "\n"
            case "\n": if !previousWasCR { out += "\n" }
            case "\t": out += "\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
