public import Diagnostics

/// What loading one input produced: its documents and every problem found, in source order.
public struct YAMLLoadResult: Sendable {
    public var documents: [YAMLDocument]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads YAML 1.2 (core schema) into located node trees through libyaml, strictly: syntax errors,
/// duplicate keys, non-core tags, merge keys, invalid UTF-8, NUL bytes, and inputs over the
/// ``YAMLLimits`` are diagnostics with file, line and column. A UTF-8 BOM and CRLF are accepted.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads every document of a YAML stream.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the path shown in diagnostics.
    ///   - lineOffset: lines before the YAML in its file (Markdown front matter), added to every line.
    public func load(_ bytes: [UInt8], file: String, lineOffset: Int = 0) -> YAMLLoadResult {
        if bytes.count > limits.maxBytes {
            let d = Diagnostic(
                id: "yaml.too-large",
                YAMLMessage.tooLarge(["limit": .number(limits.maxBytes)]),
                range: SourceRange(file: file, at: SourceLocation(line: 1 + lineOffset, column: 1)))
            return YAMLLoadResult(documents: [], diagnostics: [d])
        }
        return bytes.withUnsafeBufferPointer { whole in
            // A byte-order mark is not content: libyaml, told the input is UTF-8, would count it as
            // column 1 of line 1 and then misjudge the indentation of every following line.
            let hasBOM = whole.count >= 3 && whole[0] == 0xEF && whole[1] == 0xBB && whole[2] == 0xBF
            let buffer = UnsafeBufferPointer(rebasing: whole[(hasBOM ? 3 : 0)...])
            // libyaml's reader checks UTF-8 and control characters itself; ByteScanner only names
            // the problem when it reports one, so valid input is decoded once, not twice.
            let parser = LibYAMLParser(file: file, limits: limits, lineOffset: lineOffset)
            let (documents, diagnostics) = parser.parse(buffer)
            return YAMLLoadResult(documents: documents, diagnostics: diagnostics)
        }
    }

    /// Loads a string (tests and embedded rule files).
    public func load(_ text: String, file: String, lineOffset: Int = 0) -> YAMLLoadResult {
        load(Array(text.utf8), file: file, lineOffset: lineOffset)
    }
}
