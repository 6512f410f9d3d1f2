/// A Markdown summary for a CI job page (GitHub's `$GITHUB_STEP_SUMMARY`): the verdict, a table
/// of findings by file and level, every error and warning as a row, and the inputs that could not
/// be read. Annotations are capped per run; this table is not.
public struct MarkdownReporter: Reporter {
    /// `markdown`.
    public static let identifier = "markdown"

    /// Creates a Markdown reporter.
    public init() {}

    /// The summary, ending in a newline.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        let summary = ReportSummary(findings, context: context)
        let words = context.words?.markdown ?? .english
        var out = "## subsidy lint: \(words.verdict(summary.failed, context.failOn))\n\n\(context.summaryLine(summary))\n\n"
        let sorted = findings.sortedForReport()
        var byFile: [String: (errors: Int, warnings: Int, notes: Int)] = [:]
        for finding in sorted {
            var counts = byFile[finding.file ?? "", default: (0, 0, 0)]
            switch finding.level {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .note: counts.notes += 1
            }
            byFile[finding.file ?? ""] = counts
        }
        let files = Set(context.checkedFiles).union(byFile.keys).sorted()
        if !files.isEmpty {
            out += words.filesHeader + "\n|---|---:|---:|---:|\n"
            for file in files {
                let c = byFile[file] ?? (0, 0, 0)
                out += "| \(cell(path(file, context))) | \(c.errors) | \(c.warnings) | \(c.notes) |\n"
            }
            out += "\n"
        }
        let serious = sorted.filter { $0.level != .note }
        if !serious.isEmpty {
            out += words.findingsHeader + "\n|---|---|---|---|\n"
            for f in serious {
                let place = f.file.map { path($0, context) + (f.region.map { ":\($0.start.line)" } ?? "") } ?? ""
                out += "| \(words.level(f.level)) | \(cell(place)) | `\(cell(f.ruleID))` | \(cell(f.headline)) |\n"
            }
            out += "\n"
        }
        if !context.inputErrors.isEmpty {
            out += words.unread + "\n\n"
            for e in context.inputErrors.sortedForReport() {
                out += "- \(cell(e.file.map { path($0, context) } ?? "")): \(cell(e.message))\n"
            }
            out += "\n"
        }
        return out
    }

    private func path(_ file: String, _ context: ReportContext) -> String {
        context.repositoryRelativePath(file) ?? file
    }

    /// Text safe in a table cell: `|` escaped, line breaks as spaces, `<` and `>` as entities.
    private func cell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
