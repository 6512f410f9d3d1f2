public import Diagnostics

/// A finding's position as reporters print it: 1-based lines, columns in Unicode scalars, the
/// end exclusive (the column just after the flagged text, as SARIF's `endColumn`).
public struct ReportRegion: Hashable, Sendable {
    /// First line of the flagged text.
    public var startLine: Int
    /// Column of the first flagged character.
    public var startColumn: Int
    /// Last line of the flagged text.
    public var endLine: Int
    /// Column just after the last flagged character.
    public var endColumn: Int

    /// The region of `range`. A range that ends at column 1 of a later line (a YAML block ends
    /// where the next line starts) is pulled back to the end of the previous line when its text
    /// is known, so that tools do not highlight a line the finding is not about.
    public init(_ range: SourceRange, sources: [String: SourceText]) {
        startLine = range.start.line
        startColumn = range.start.column
        endLine = range.end.line
        endColumn = range.end.column
        if endLine > startLine, endColumn == 1, let previous = sources[range.file]?.line(endLine - 1) {
            endLine -= 1
            endColumn = previous.unicodeScalars.count + 1
        }
    }

    /// Whether the region starts and ends on one line.
    public var isSingleLine: Bool { startLine == endLine }
}
