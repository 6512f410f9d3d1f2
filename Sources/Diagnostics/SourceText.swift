/// The text of one source file, indexed by line so that renderers can quote the offending line.
public struct SourceText: Sendable {
    public let path: String
    private let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        // Split on scalars: Swift reads "\r\n" as one Character, so a Character split misses CRLF lines.
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            if text.unicodeScalars[index] == "\n" {
                lines.append(text[start..<index])
                start = text.unicodeScalars.index(after: index)
            }
            index = text.unicodeScalars.index(after: index)
        }
        lines.append(text[start...])
        self.lines = lines
    }

    /// The 1-based line `number`, without its line terminator; `nil` past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        if line.unicodeScalars.last == "\r" { return Substring(line.unicodeScalars.dropLast()) }
        return line
    }
}
