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
    /// A test of the fact in `slot`, checked against its type (its tables resolved): see ``FactOperator``.
    indirect case fact(slot: Int, test: FactTest)
    case asOf(DateComparison, CalendarDate)
    case memberOf(table: Int)
    case memberAttribute(table: Int, column: String, values: [Literal])
}

extension ExprNode {
    /// The fact slot a leaf test reads, given the slot of `member_state` (which member-table tests
    /// read); `nil` for other nodes, and for a member test when there is no such slot.
    public func factSlot(memberState: Int?) -> Int? {
        switch self {
        case .fact(let s, _): s
        case .memberOf, .memberAttribute: memberState
        case .always, .all, .any, .not, .rule, .asOf: nil
        }
    }

    /// The text values a leaf test names (for choice domains and the answers worth trying).
    public var namedTexts: [String] {
        switch self {
        case .fact(_, let test): test.op.namedTexts
        case .always, .all, .any, .not, .rule, .asOf, .memberOf, .memberAttribute: []
        }
    }
}
