/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic ("first defined here").
public struct Note: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?
    /// The message as a template with its arguments, when it has one (another language words it).
    public var text: MessageText?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }

    /// A note worded from a message table: ``message`` is its English.
    public init(_ text: MessageText, at range: SourceRange? = nil) {
        self.message = text.english
        self.range = range
        self.text = text
    }
}

/// Everything the user is shown about a problem: YAML syntax, schema, rule-compiler and rule findings.
///
/// `id` is stable: dotted lower-kebab for tool problems (`yaml.duplicate-key`), the rule id for findings.
public struct Diagnostic: Hashable, Sendable {
    public var id: String
    public var severity: Severity
    /// Lower-case first word, no trailing period; user values quoted in single quotes.
    public var message: String
    /// `nil` only for problems with no place in a file (an unreadable path has a file but no position).
    public var range: SourceRange?
    public var notes: [Note]
    /// The message as a template with its arguments, when it has one (another language words it).
    public var text: MessageText?

    /// A diagnostic worded from a message table: ``message`` is its English.
    public init(
        id: String,
        severity: Severity = .error,
        _ text: MessageText,
        range: SourceRange?,
        notes: [Note] = []
    ) {
        self.init(id: id, severity: severity, message: text.english, range: range, notes: notes)
        self.text = text
    }

    /// The diagnostic with its message and notes worded by `word` (given a message with a
    /// template, it returns the text in its language, or `nil` to keep the English).
    public func worded(by word: (MessageText) -> String?) -> Diagnostic {
        var out = self
        if let text, let worded = word(text) { out.message = worded }
        out.notes = notes.map { note in
            var note = note
            if let text = note.text, let worded = word(text) { note.message = worded }
            return note
        }
        return out
    }

    public init(
        id: String,
        severity: Severity = .error,
        message: String,
        range: SourceRange?,
        notes: [Note] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
    }

    /// Orders diagnostics by file, line, column, then id, so every output is deterministic.
    public static func sortKey(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if let before = SourceRange.fileOrder(lhs.range, rhs.range) { return before }
        return inFileOrder(lhs, rhs)
    }

    /// ``sortKey(_:_:)`` for two diagnostics in the same file: line, column, id, then message.
    public static func inFileOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let ls = lhs.range?.start ?? SourceLocation(line: 0, column: 0)
        let rs = rhs.range?.start ?? SourceLocation(line: 0, column: 0)
        if ls != rs { return ls < rs }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}

extension Sequence {
    /// The elements in the order of `sorted(by:)` with a comparator that orders by file path first
    /// (`""` for no range), then by `inFile` — each element's path read once, not at every comparison
    /// (a path read takes a lock and copies a string). The comparisons give the same answers as that
    /// comparator's, so the order is the same.
    public func sortedByFile(
        _ range: (Element) -> SourceRange?, then inFile: (Element, Element) -> Bool
    ) -> [Element] {
        let keyed = map { (path: range($0)?.file ?? "", element: $0) }
        return keyed.sorted { a, b in a.path != b.path ? a.path < b.path : inFile(a.element, b.element) }.map(\.element)
    }
}

extension Sequence where Element == Diagnostic {
    /// The diagnostics in ``Diagnostic/sortKey(_:_:)`` order.
    public func sortedByKey() -> [Diagnostic] { sortedByFile(\.range, then: Diagnostic.inFileOrder) }
}

/// Collects diagnostics as they are emitted; loading and compiling go on after an error.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func emit(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    /// Emits an error with the given id, message and range.
    public mutating func error(_ id: String, _ message: String, at range: SourceRange?, notes: [Note] = []) {
        emit(Diagnostic(id: id, severity: .error, message: message, range: range, notes: notes))
    }

    /// Emits an error worded from a message table.
    public mutating func error(_ id: String, _ text: MessageText, at range: SourceRange?, notes: [Note] = []) {
        emit(Diagnostic(id: id, severity: .error, text, range: range, notes: notes))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics in file, line, column, id order.
    public var sorted: [Diagnostic] { diagnostics.sortedByKey() }
}
