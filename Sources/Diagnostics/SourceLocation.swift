/// A position in a source file.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars from the start of the line
/// (libyaml's unit), not bytes and not grapheme clusters.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range `[start, end)` in one file. Lines and columns as in ``SourceLocation``.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The file the range is in, as the user named it (a path, or `<stdin>`).
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end < start ? start : end
    }

    /// A range covering a single position.
    public init(file: String, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// The same range shifted down by `lines` (used for YAML embedded in Markdown front matter).
    public func shifted(byLines lines: Int) -> SourceRange {
        SourceRange(
            file: file,
            start: SourceLocation(line: start.line + lines, column: start.column),
            end: SourceLocation(line: end.line + lines, column: end.column)
        )
    }

    public var description: String { "\(file):\(start)" }
}
