public import Diagnostics
public import Measures
public import RuleCompiler

/// A notification schedule file (Docs/schedule-file.md): what a member state submitted, and which
/// window of due dates to check.
public struct ScheduleFile: Sendable {
    public var memberState: String
    public var memberRange: SourceRange
    /// Due dates in `[from, until]` (inclusive) are checked; `until` defaults to the as-of date.
    public var from: CalendarDate
    public var until: CalendarDate?
    /// Measure ids every notification that lists its measures must include.
    public var measures: [String]
    public var submissions: [Submission]

    public init(memberState: String, memberRange: SourceRange, from: CalendarDate,
                until: CalendarDate?, measures: [String], submissions: [Submission]) {
        self.memberState = memberState
        self.memberRange = memberRange
        self.from = from
        self.until = until
        self.measures = measures
        self.submissions = submissions
    }
}

/// One notification as submitted.
public struct Submission: Sendable {
    public var regime: Regime
    public var kind: String
    /// The period, spelled as the calendars label it: `2024-Q1`, `2024-H2`, `2024`, `2023/2024`.
    public var covers: String
    public var submitted: CalendarDate
    /// The measures the notification included; `nil` when the file does not say.
    public var measures: [String]?
    public var document: String?
    /// The submission's mapping in the file, for findings.
    public var range: SourceRange

    public init(regime: Regime, kind: String, covers: String, submitted: CalendarDate, measures: [String]?,
                document: String?, range: SourceRange) {
        self.regime = regime
        self.kind = kind
        self.covers = covers
        self.submitted = submitted
        self.measures = measures
        self.document = document
        self.range = range
    }
}

/// The spellings of `covers`.
public enum CoversFormat {
    /// Whether `text` is `YYYY`, `YYYY-Qn` (n 1–4), `YYYY-Hn` (n 1–2) or `YYYY/YYYY` (second year later).
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func year(_ at: Int) -> Int? {
            guard b.count >= at + 4 else { return nil }
            var v = 0
            for i in at..<(at + 4) {
                guard (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v >= 1 ? v : nil
        }
        guard let first = year(0) else { return false }
        switch b.count {
        case 4: return true
        case 7 where b[4] == UInt8(ascii: "-"):
            if b[5] == UInt8(ascii: "Q") { return (49...52).contains(b[6]) }
            if b[5] == UInt8(ascii: "H") { return (49...50).contains(b[6]) }
            return false
        case 9 where b[4] == UInt8(ascii: "/"):
            guard let second = year(5) else { return false }
            return second > first
        default: return false
        }
    }
}
