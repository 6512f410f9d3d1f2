public import Measures

/// A compiled condition node. Children and facts are indices into the graph's arrays, so that
/// evaluation does no lookups by name.
public enum ExprNode: Sendable {
    case always
    case all([Int])
    case any([Int])
    case not(Int)
    /// The value of the predicate rule with this index.
    case rule(Int)
    /// Fact slot equals one of the literals (a yes/no fact, or a choice).
    case equals(slot: Int, values: [Literal])
    case anyOf(slot: Int, values: [String])
    case allIn(slot: Int, values: [String])
    case contains(slot: Int, value: String)
    /// `nil` date: the evaluation date.
    case date(slot: Int, DateComparison, CalendarDate?)
    case asOf(DateComparison, CalendarDate)
    case number(slot: Int, NumberComparison, Double)
    case hsAllIn(slot: Int, table: Int)
    case hsAnyIn(slot: Int, table: Int)
    case memberOf(table: Int)
    case memberAttribute(table: Int, column: String, values: [Literal])
}
