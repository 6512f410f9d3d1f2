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
        // A long line (a hostile file may hold megabytes on one line) is quoted as a window around
        // the caret, so that one diagnostic prints a bounded amount of text.
        var first = 0
        if scalars.count > Self.maxQuoted {
            first = max(0, min(caretColumn - Self.maxQuoted / 2, scalars.count - Self.maxQuoted))
        }
        let last = min(scalars.count, first + Self.maxQuoted)
        let lead = first > 0 ? "..." : "", trail = last < scalars.count ? "..." : ""
        var underline = lead.isEmpty ? "" : "   "
        underline += String(repeating: " ", count: min(max(caretColumn - first, 0), last - first)) + "^"
        if range.end.line == range.start.line {
            let width = min(range.end.column - 1, last) - max(range.start.column, first + 1)
            if width > 0 { underline += String(repeating: "~", count: width) }
        }
        // Control characters are not echoed: a file must not drive the reader's terminal.
        let shown = scalars[first..<last].map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }
        return gutter + lead + String(String.UnicodeScalarView(shown)) + trail + "\n" + blank + underline + "\n"
    }

    /// The most characters of one source line a snippet quotes.
    static let maxQuoted = 160
}
