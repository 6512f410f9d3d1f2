public import Diagnostics

/// The value of one measure fact. `unknown` is a value of its own and never reads as false.
public enum FactValue: Sendable, Hashable {
    case unknown
    case bool(Bool)
    /// A single choice or free text.
    case text(String)
    /// A list of choices or codes, as a set.
    case list([String])
    case date(CalendarDate)
    case number(Double)

    public var isUnknown: Bool { self == .unknown }
}

/// A fact with the range of the value in the measure file it came from (`nil` when omitted).
public struct Fact: Sendable, Hashable {
    public var value: FactValue
    public var range: SourceRange?

    @inlinable public init(_ value: FactValue, range: SourceRange?) {
        self.value = value
        self.range = range
    }
}
