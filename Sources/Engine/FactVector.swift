public import Measures
public import RuleCompiler

/// A measure's facts laid out by the graph's slots, ready for evaluation.
public struct FactVector: Sendable {
    public var values: [FactValue]
    public var memberState: String?
    private let memberStateSlot: Int

    /// Lays out `measure`'s facts. Two contract defaults apply: an omitted `transitional_measures`
    /// claims nothing (an empty list), and an omitted `period.contracts_concluded` is `period.from`
    /// ("where that differs from `from`").
    public init(measure: Measure, graph: RuleGraph) {
        memberStateSlot = graph.factSlots["member_state"] ?? -1
        values = graph.factPaths.map { measure.facts[$0]?.value ?? .unknown }
        if let slot = graph.factSlots["transitional_measures"], values[slot] == .unknown { values[slot] = .list([]) }
        if let concluded = graph.factSlots["period.contracts_concluded"], let from = graph.factSlots["period.from"],
           values[concluded] == .unknown {
            values[concluded] = values[from]
        }
        if let slot = graph.factSlots["member_state"], case .text(let code) = values[slot] { memberState = code }
    }

    public subscript(slot: Int) -> FactValue { values[slot] }

    /// A copy with one fact set to `value` (for ranking questions).
    public func setting(_ slot: Int, to value: FactValue) -> FactVector {
        var copy = self
        copy.values[slot] = value
        if case .text(let code) = value, slot == memberStateSlot { copy.memberState = code }
        return copy
    }
}
