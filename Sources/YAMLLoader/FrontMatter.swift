/// YAML front matter in a Markdown draft: the lines between a first line `---` and the next line
/// that is `---` (or `...`).
public struct FrontMatter: Sendable {
    /// The YAML text between the fences.
    public var yaml: [UInt8]
    /// Lines of the Markdown file before the YAML (the opening fence), to add to YAML line numbers.
    public var lineOffset: Int

    /// Finds the front matter of a Markdown file, or returns `nil` when the file has none.
    /// A UTF-8 BOM before the opening fence is allowed; CRLF line endings are allowed.
    public static func extract(from bytes: [UInt8]) -> FrontMatter? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard let firstEnd = lineEnd(bytes, from: start), isFence(bytes[start..<firstEnd]) else { return nil }
        let yamlStart = min(firstEnd + 1, bytes.count)
        var lineStart = yamlStart
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes[lineStart..<end]) || isDocumentEnd(bytes[lineStart..<end]) {
                return FrontMatter(yaml: Array(bytes[yamlStart..<lineStart]), lineOffset: 1)
            }
            lineStart = end + 1
        }
        return nil
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
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
        trimmed(line).elementsEqual("---".utf8)
    }

    private static func isDocumentEnd(_ line: ArraySlice<UInt8>) -> Bool {
        trimmed(line).elementsEqual("...".utf8)
    }
}
