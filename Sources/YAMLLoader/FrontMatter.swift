/// YAML front matter in a Markdown draft: the lines between a line `---` and the next line that is
/// `---` (or `...`).
///
/// The opening fence is the first line that is not blank and not inside an HTML comment
/// (`<!-- … -->`, which editors and templates put first): blank lines and comments may come before
/// it. A UTF-8 BOM and CRLF line endings are allowed.
public struct FrontMatter: Sendable {
    /// The YAML text between the fences.
    public var yaml: [UInt8]
    /// Lines of the Markdown file before the YAML (the opening fence and anything above it), to
    /// add to YAML line numbers.
    public var lineOffset: Int

    /// What a Markdown file's start holds.
    public enum Scan: Sendable {
        /// Front matter, closed.
        case found(FrontMatter)
        /// An opening fence on `line` (1-based) with no closing one.
        case unterminated(line: Int)
        /// No opening fence before the first line of content.
        case none
    }

    /// Finds the front matter of a Markdown file, or returns `nil` when the file has none (or an
    /// unterminated one: see ``scan(_:)``).
    public static func extract(from bytes: [UInt8]) -> FrontMatter? {
        if case .found(let front) = scan(bytes) { return front }
        return nil
    }

    /// Looks for front matter after any blank lines and HTML comments.
    public static func scan(_ bytes: [UInt8]) -> Scan {
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 1
        var inComment = false
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart)
            let line = trimmed(bytes[lineStart..<end])
            if inComment {
                if contains(line, "-->") { inComment = false; if !endsComment(line) { return .none } }
            } else if isFence(line) {
                return closing(bytes, after: end, fenceLine: lineNumber)
            } else if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                // A blank line.
            } else if line.drop(while: { $0 == UInt8(ascii: " ") }).starts(with: "<!--".utf8) {
                inComment = !contains(line, "-->")
                if !inComment, !endsComment(line) { return .none }
            } else {
                return .none
            }
            lineStart = end + 1
            lineNumber += 1
        }
        return .none
    }

    /// The front matter whose opening fence ends at `fenceEnd`, on line `fenceLine`.
    private static func closing(_ bytes: [UInt8], after fenceEnd: Int, fenceLine: Int) -> Scan {
        let yamlStart = min(fenceEnd + 1, bytes.count)
        var lineStart = yamlStart
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart)
            let line = trimmed(bytes[lineStart..<end])
            if isFence(line) || line.elementsEqual("...".utf8) {
                return .found(FrontMatter(yaml: Array(bytes[yamlStart..<lineStart]), lineOffset: fenceLine))
            }
            lineStart = end + 1
        }
        return .unterminated(line: fenceLine)
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            line = line.dropLast()
        }
        return line
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        line.elementsEqual("---".utf8)
    }

    /// Whether a line that closes a comment has nothing after the `-->` (content after it is prose).
    private static func endsComment(_ line: ArraySlice<UInt8>) -> Bool {
        line.elementsEqual([]) || line.suffix(3).elementsEqual("-->".utf8)
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard line.count >= needle.count else { return false }
        var i = line.startIndex
        while i + needle.count <= line.endIndex {
            if line[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
