/// The text of one source file, indexed by line so that renderers can quote the offending line.
///
/// Lines end at `\n`; a `\r` before it (CRLF) is not part of the line. A UTF-8 byte-order mark at
/// the start of the file is not part of line 1, so columns match the loader's.
public struct SourceText: Sendable {
    public let path: String
    private let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        // Split on scalars, not Characters: "\r\n" is a single Character and would never match "\n".
        self.lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The 1-based line `number`, without its line terminator; `nil` past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
        return line
    }
}
