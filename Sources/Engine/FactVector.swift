public import Measures
public import RuleCompiler

/// A measure's facts laid out by the graph's slots, ready for evaluation.
public struct FactVector: Sendable {
    public private(set) var values: [FactValue]
    public private(set) var memberState: String?
    /// Per slot: whether the fact is unknown.
    private(set) var unknown: [Bool]
    /// Per choice slot: the value (or list items) as bits over the slot's allowed values.
    private(set) var bits: [UInt64]
    private let memberStateSlot: Int
    private let domains: [[String]?]

    /// Lays out `measure`'s facts. Two contract defaults apply: an omitted `transitional_measures`
    /// claims nothing (an empty list), and an omitted `period.contracts_concluded` is `period.from`
    /// ("where that differs from `from`").
    public init(measure: Measure, graph: RuleGraph) {
        memberStateSlot = graph.factSlots["member_state"] ?? -1
        domains = graph.program.domains
        // The graph lays facts out in the contract's order (GraphBuilder), as the measure stores them.
        values = measure.factValues.count == graph.factPaths.count
            ? measure.factValues : graph.factPaths.map { measure.facts[$0]?.value ?? .unknown }
        if let slot = graph.factSlots["transitional_measures"], values[slot] == .unknown { values[slot] = .list([]) }
        if let concluded = graph.factSlots["period.contracts_concluded"], let from = graph.factSlots["period.from"],
           values[concluded] == .unknown {
            values[concluded] = values[from]
        }
        unknown = values.map { $0 == .unknown }
        bits = [UInt64](repeating: 0, count: values.count)
        for slot in values.indices { bits[slot] = Self.bits(values[slot], domains[slot]) }
        if memberStateSlot >= 0, case .text(let code) = values[memberStateSlot] { memberState = code }
    }

    public subscript(slot: Int) -> FactValue { values[slot] }

    /// A copy with one fact set to `value` (for ranking questions).
    public func setting(_ slot: Int, to value: FactValue) -> FactVector {
        var copy = self
        copy.values[slot] = value
        copy.unknown[slot] = value == .unknown
        copy.bits[slot] = Self.bits(value, domains[slot])
        if slot == memberStateSlot {
            if case .text(let code) = value { copy.memberState = code } else { copy.memberState = nil }
        }
        return copy
    }

    private static func bits(_ value: FactValue, _ domain: [String]?) -> UInt64 {
        guard let domain, domain.count <= 64 else { return 0 }
        func bit(_ v: String) -> UInt64 { domain.firstIndex(of: v).map { 1 << UInt64($0) } ?? 0 }
        switch value {
        case .text(let t): return bit(t)
        case .list(let items): return items.reduce(0) { $0 | bit($1) }
        default: return 0
        }
    }
}
