/// The text of one source file, indexed by line so that renderers can quote the offending line.
public struct SourceText: Sendable {
    public let path: String
    private let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line `number`, without its line terminator; `nil` past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.last == "\r" { line = line.dropLast() }
        return line
    }
}
