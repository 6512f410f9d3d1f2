public import Diagnostics
import Measures

/// A parameter table: member states with dates and attributes, or a list of HS codes.
public struct TableDefinition: Sendable {
    public enum Content: Sendable {
        case members(key: String, rows: [MemberRow])
        case codes([String])
    }

    public var id: String
    public var idRange: SourceRange
    public var title: String
    public var citation: Citation
    public var content: Content
}

/// One row of a member table.
public struct MemberRow: Sendable {
    public var key: String
    public var range: SourceRange
    public var membership: DateRange?
    public var values: [String: Literal]
}

/// A notification calendar: which periods are reported and when each is due.
public struct CalendarDefinition: Sendable {
    public enum Period: String, Sendable, CaseIterable {
        case quarter, halfYear = "half-year", year, biennium
    }

    public enum Covers: String, Sendable, CaseIterable {
        case previous, next
    }

    /// A due date relative to the period: months after the period ends and a day of month, or a
    /// month and day (the first such day after a `previous` period ends, or the last such day
    /// before a `next` period starts).
    public enum Due: Sendable {
        case afterPeriodEnd(months: Int, day: Int)
        case fixed(month: Int, day: Int)
    }

    public var id: String
    public var idRange: SourceRange
    public var regime: Regime
    public var kind: String
    public var title: String
    public var citation: Citation
    public var inForce: DateRange
    public var inForceRange: SourceRange
    public var period: Period
    /// For `biennium`: a year in which a two-year period starts (periods start every second year from it).
    public var anchorYear: Int?
    public var covers: Covers
    public var due: Due
    public var file: String
}
