public import Measures

/// A compiled condition node. Children and facts are indices into the graph's arrays, so that
/// evaluation does no lookups by name.
public enum ExprNode: Sendable, Hashable {
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

extension ExprNode {
    /// The fact slot a leaf test reads, given the slot of `member_state` (which member-table tests
    /// read); `nil` for other nodes, and for a member test when there is no such slot.
    public func factSlot(memberState: Int?) -> Int? {
        switch self {
        case .equals(let s, _), .anyOf(let s, _), .allIn(let s, _), .contains(let s, _), .date(let s, _, _),
             .number(let s, _, _), .hsAllIn(let s, _), .hsAnyIn(let s, _):
            s
        case .memberOf, .memberAttribute: memberState
        case .always, .all, .any, .not, .rule, .asOf: nil
        }
    }

    /// The text values a leaf test names (for choice domains and the answers worth trying).
    public var namedTexts: [String] {
        switch self {
        case .equals(_, let values): values.compactMap { if case .text(let t) = $0 { t } else { nil } }
        case .anyOf(_, let values), .allIn(_, let values): values
        case .contains(_, let value): [value]
        case .always, .all, .any, .not, .rule, .date, .asOf, .number, .hsAllIn, .hsAnyIn, .memberOf, .memberAttribute: []
        }
    }
}
