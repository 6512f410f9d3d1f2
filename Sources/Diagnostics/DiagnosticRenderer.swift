/// Renders diagnostics clang-style:
///
/// ```
/// path:line:col: error: message [id]
///    12 |   eligible: no
///       |             ^~
/// path:line:col: note: first defined here
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Source texts by path, used to quote the offending line. Missing texts just omit the quote.
    public var sources: [String: SourceText]

    public init(sources: [String: SourceText] = [:]) {
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.range, severity: diagnostic.severity.rawValue, message: diagnostic.message)
        out += " [\(diagnostic.id)]\n"
        out += snippet(diagnostic.range)
        for note in diagnostic.notes {
            out += header(note.range, severity: "note", message: note.message) + "\n"
            out += snippet(note.range)
        }
        return out
    }

    private func header(_ range: SourceRange?, severity: String, message: String) -> String {
        guard let range else { return "\(severity): \(message)" }
        if range.start.line == 0 { return "\(range.file): \(severity): \(message)" }
        return "\(range.file):\(range.start.line):\(range.start.column): \(severity): \(message)"
    }

    private func snippet(_ range: SourceRange?) -> String {
        guard let range, range.start.line > 0,
              let line = sources[range.file]?.line(range.start.line) else { return "" }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(5 - number.count, 1)) + number + " | "
        let blank = String(repeating: " ", count: gutter.count - 2) + "| "
        let scalars = Array(line.unicodeScalars)
        let caretColumn = max(range.start.column - 1, 0)
        var underline = String(repeating: " ", count: min(caretColumn, scalars.count)) + "^"
        if range.end.line == range.start.line {
            let width = min(range.end.column, scalars.count + 1) - range.start.column - 1
            if width > 0 { underline += String(repeating: "~", count: width) }
        }
        return gutter + String(String.UnicodeScalarView(scalars.map { $0 == "\t" ? " " : $0 })) + "\n" + blank + underline + "\n"
    }
}
