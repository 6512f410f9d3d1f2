public import Diagnostics
public import Measures

/// A condition as written in a rule file, with its source range. Evaluated in three-valued logic.
public struct Condition: Sendable {
    public indirect enum Kind: Sendable {
        case always
        case all([Condition])
        case any([Condition])
        case not(Condition)
        /// The value of a predicate rule.
        case rule(String)
        /// A test of one measure fact.
        case fact(path: String, test: FactTest)
        /// The evaluation date compared with a date.
        case asOf(DateComparison, CalendarDate)
        /// `member_state` is a member of the table on the as-of date.
        case memberOf(table: String)
        /// `member_state`'s row in the table has `column` equal to one of `values`.
        case memberAttribute(table: String, column: String, values: [Literal])
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A literal value in a rule file: `true` / `false` or text.
public enum Literal: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case text(String)

    public var description: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .text(let t): t
        }
    }
}

public enum DateComparison: String, Sendable, CaseIterable {
    case before, onOrBefore = "on_or_before", after, onOrAfter = "on_or_after"

    /// The comparison on dates, or on day numbers (``CalendarDate/dayNumber``).
    public func holds<Day: Comparable>(_ lhs: Day, _ rhs: Day) -> Bool {
        switch self {
        case .before: lhs < rhs
        case .onOrBefore: lhs <= rhs
        case .after: lhs > rhs
        case .onOrAfter: lhs >= rhs
        }
    }

    public var words: String {
        switch self {
        case .before: "before"
        case .onOrBefore: "on or before"
        case .after: "after"
        case .onOrAfter: "on or after"
        }
    }
}

public enum NumberComparison: String, Sendable, CaseIterable {
    case lessThan = "less_than", atMost = "at_most", greaterThan = "greater_than", atLeast = "at_least"

    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .lessThan: lhs < rhs
        case .atMost: lhs <= rhs
        case .greaterThan: lhs > rhs
        case .atLeast: lhs >= rhs
        }
    }

    public var words: String {
        switch self {
        case .lessThan: "less than"
        case .atMost: "at most"
        case .greaterThan: "greater than"
        case .atLeast: "at least"
        }
    }
}
