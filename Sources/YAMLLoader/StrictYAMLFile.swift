public import Diagnostics

/// A YAML file that holds at most one document, opened for a hand-written decoder (the lint
/// baseline, the lint configuration): everything before reading the keys, done once.
///
/// Loading problems (YAML errors, a second document) are errors with file, line and column, and
/// leave nothing to decode. An empty file, or one whose document is null, has no root: the
/// decoder's defaults apply. The decoder reads ``root`` with ``reader`` and ends with
/// ``result(_:)``, which drops the value when any error was found.
///
/// Reading the file from disk is the driver's (`StrictYAMLFile.load(path:limits:domain:what:)`,
/// which adds a located `<domain>.unreadable` error); this type takes the bytes, so any module that
/// decodes a YAML file can use it.
public struct StrictYAMLFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The document's root; `nil` when the file is empty, its root is null, or ``failed``.
    public var root: YAMLNode?
    /// The reader to decode ``root`` with (ids prefixed by its domain); it holds every problem so far.
    public var reader: NodeReader
    /// Whether the file could not be read or loaded: its diagnostics say why; there is nothing to decode.
    public private(set) var failed: Bool
    /// The file's contents, or `nil` when it could not be read.
    public let bytes: [UInt8]?

    /// Every problem found so far.
    public var diagnostics: [Diagnostic] { reader.diagnostics.diagnostics }

    /// The file's text, for quoting lines in diagnostics; `nil` when it could not be read.
    public var source: SourceText? {
        bytes.map { SourceText(path: path, text: String(decoding: $0, as: UTF8.self)) }
    }

    /// Loads `bytes` strictly.
    /// - Parameters:
    ///   - path: the path shown in diagnostics.
    ///   - limits: the loader's limits (the caller should read no more than `limits.maxBytes` + 1 bytes).
    ///   - domain: the prefix of diagnostic ids, e.g. `baseline` (`baseline.several-documents`).
    ///   - what: how messages name the file, e.g. "the baseline file".
    public init(bytes: [UInt8], path: String, limits: YAMLLimits = .default, domain: String, what: String) {
        self.path = path
        self.bytes = bytes
        reader = NodeReader(domain: domain)
        failed = false
        let loaded = YAMLLoader(limits: limits).load(bytes, file: path)
        reader.diagnostics.emit(contentsOf: loaded.diagnostics)
        if loaded.hasErrors {
            failed = true
        } else if loaded.documents.count > 1 {
            reader.diagnostics.error(
                "\(domain).several-documents",
                YAMLMessage.severalDocuments(["what": .text(what), "count": .number(loaded.documents.count)]),
                at: loaded.documents[1].range,
                notes: [Note(YAMLMessage.newDocumentNote())])
            failed = true
        } else if let root = loaded.documents.first?.root, !reader.isNull(root) {
            self.root = root
        }
    }

    /// A file that could not be read: one `<domain>.unreadable` error that names the file (it has no
    /// line or column) and says why, e.g. "cannot read the baseline file: no such file".
    public init(unreadable path: String, reason: String, domain: String, what: String) {
        self.path = path
        bytes = nil
        reader = NodeReader(domain: domain)
        failed = true
        reader.diagnostics.error(
            "\(domain).unreadable", YAMLMessage.unreadable(["what": .text(what), "reason": .text(reason)]),
            at: SourceRange(file: path, at: SourceLocation(line: 0, column: 0)))
    }

    /// `value` unless the file failed or its decoding found an error, with every diagnostic.
    public func result<Value>(_ value: Value) -> (Value?, [Diagnostic]) {
        (failed || reader.diagnostics.hasErrors ? nil : value, diagnostics)
    }
}
