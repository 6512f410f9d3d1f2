public import Diagnostics

/// One lint result: a rule (or tool check) that flagged a place in a measure file.
///
/// Positions follow ``SourceRange``: 1-based lines, columns in Unicode scalars, and an end that is
/// exclusive (the position just after the flagged text). A range whose start line is 0 names a
/// file but no position in it (an unreadable file).
public struct Finding: Hashable, Sendable {
    /// The rule id (`eaeu.annex28.prohibited.domestic-goods`) or the tool check id (`measure.invalid-value`).
    public var ruleID: String
    /// How serious the finding is: `error`, `warning` or `note`.
    public var level: Severity
    /// What was found. The first sentence is the verdict; later lines may add detail.
    public var message: String
    /// Where the finding is; `nil` only for problems that belong to no file.
    public var range: SourceRange?
    /// How to fix or comply, for this finding in particular (rule-wide help lives in ``RuleSummary``).
    public var help: String?
    /// Secondary messages, each with an optional place ("first defined here").
    public var notes: [Note]
    /// A stable identity of what was flagged, such as `KZ-MIID-2026-014#conditions.domestic_goods`.
    /// When set, it replaces the flagged line's text in the SARIF fingerprint.
    public var fingerprintKey: String?

    /// Creates a finding.
    public init(
        ruleID: String,
        level: Severity,
        message: String,
        range: SourceRange?,
        help: String? = nil,
        notes: [Note] = [],
        fingerprintKey: String? = nil
    ) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.range = range
        self.help = help
        self.notes = notes
        self.fingerprintKey = fingerprintKey
    }

    /// Wraps a diagnostic: its id becomes the rule id and its severity the level.
    public init(_ diagnostic: Diagnostic, help: String? = nil, fingerprintKey: String? = nil) {
        self.init(
            ruleID: diagnostic.id, level: diagnostic.severity, message: diagnostic.message,
            range: diagnostic.range, help: help, notes: diagnostic.notes, fingerprintKey: fingerprintKey)
    }

    /// The finding as a diagnostic, for the clang-style renderer.
    public var diagnostic: Diagnostic {
        Diagnostic(id: ruleID, severity: level, message: message, range: range, notes: notes)
    }

    /// The file the finding is in, if any.
    public var file: String? { range?.file }

    /// The range when it names a position (start line ≥ 1), `nil` for file-level and file-less findings.
    public var region: SourceRange? {
        guard let range, range.start.line >= 1 else { return nil }
        return range
    }

    /// The message's first line: the verdict, used where only one line fits (titles, XML attributes).
    public var headline: String {
        let first = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first
        return first.map(String.init) ?? message
    }

    /// Orders findings by file, line, column, rule id, then message. Every reporter sorts with it.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if let before = SourceRange.fileOrder(lhs.range, rhs.range) { return before }
        return inFileOrder(lhs, rhs)
    }

    /// ``reportOrder(_:_:)`` for two findings in the same file: line, column, rule id, message, level.
    public static func inFileOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let ls = lhs.range?.start ?? SourceLocation(line: 0, column: 0)
        let rs = rhs.range?.start ?? SourceLocation(line: 0, column: 0)
        if ls != rs { return ls < rs }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return lhs.level > rhs.level
    }
}

extension Sequence where Element == Finding {
    /// The findings in report order (file, line, column, rule id, message).
    public func sortedForReport() -> [Finding] { sortedByFile(\.range, then: Finding.inFileOrder) }
}
