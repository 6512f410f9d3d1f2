/// GitHub Actions workflow commands, one per finding:
/// `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::message`.
///
/// Levels map to `error`, `warning` and `notice`. Columns are sent only for single-line regions
/// (GitHub refuses columns when `line` and `endLine` differ) and `endColumn` is inclusive (the
/// last flagged character). Property values escape `%`, CR, LF, `:` and `,`; the message
/// escapes `%`, CR and LF, as the Actions toolkit does.
public struct GitHubReporter: Reporter {
    /// `github`.
    public static let identifier = "github"

    /// Creates a GitHub Actions reporter.
    public init() {}

    /// One workflow command per finding, in report order.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        var out = ""
        for finding in findings.sortedForReport() + context.inputErrors.sortedForReport() {
            out += command(finding, context: context) + "\n"
        }
        return out
    }

    private func command(_ finding: Finding, context: ReportContext) -> String {
        let name =
            switch finding.level {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        var properties: [(String, String)] = []
        if let file = finding.file {
            properties.append(("file", context.repositoryRelativePath(file) ?? file))
        }
        if let range = finding.region {
            let region = ReportRegion(range, sources: context.sources)
            properties.append(("line", String(region.startLine)))
            if region.isSingleLine {
                properties.append(("col", String(region.startColumn)))
            }
            properties.append(("endLine", String(region.endLine)))
            if region.isSingleLine {
                properties.append(("endColumn", String(max(region.endColumn - 1, region.startColumn))))
            }
        }
        properties.append(("title", "\(finding.ruleID): \(finding.headline)"))
        var message = finding.message
        for note in finding.notes {
            message += "\nnote: " + note.message
            if let range = note.range, range.start.line >= 1 { message += " (\(range.file):\(range.start))" }
        }
        if let help = finding.help { message += "\nhelp: " + help }
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.escapeData(message))"
    }

    /// Escapes a command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes a property value: `%`, CR, LF, `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
