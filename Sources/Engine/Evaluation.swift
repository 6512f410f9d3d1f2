public import Measures
public import RuleCompiler

/// One evaluation of the graph against one measure's facts on one date, in three-valued (Kleene)
/// logic. Predicate values are computed once and remembered.
public struct Evaluation {
    public let graph: RuleGraph
    public let facts: FactVector
    public let asOf: CalendarDate
    private let asOfDay: Int
    /// Per rule: 0 false, 1 true, 2 unknown, 3 not yet computed.
    private var memo: [UInt8]

    public init(graph: RuleGraph, facts: FactVector, asOf: CalendarDate) {
        self.graph = graph
        self.facts = facts
        self.asOf = asOf
        self.asOfDay = asOf.dayNumber
        self.memo = [UInt8](repeating: 3, count: graph.rules.count)
    }

    /// The same evaluation with one fact changed: the remembered values of `affected` rules (those
    /// that read the fact, directly or through predicates) are forgotten, the others kept.
    public func changing(_ slot: Int, to value: FactValue, affecting affected: [Int]) -> Evaluation {
        var copy = Evaluation(graph: graph, facts: facts.setting(slot, to: value), asOf: asOf, memo: memo)
        for r in affected { copy.memo[r] = 3 }
        return copy
    }

    private init(graph: RuleGraph, facts: FactVector, asOf: CalendarDate, memo: [UInt8]) {
        self.graph = graph
        self.facts = facts
        self.asOf = asOf
        self.asOfDay = asOf.dayNumber
        self.memo = memo
    }

    /// Whether the rule is in force on the evaluation date.
    public func inForce(_ rule: Int) -> Bool {
        asOfDay >= graph.program.ruleFrom[rule] && asOfDay < graph.program.ruleUntil[rule]
    }

    /// The value of a rule's condition; a rule not in force is false.
    public mutating func condition(of rule: Int) -> TriValue {
        switch memo[rule] {
        case 0: return .false
        case 1: return .true
        case 2: return .unknown
        default: break
        }
        let value = inForce(rule) ? evaluate(Int(graph.program.ruleRoots[rule])) : .false
        memo[rule] = value == .false ? 0 : value == .true ? 1 : 2
        return value
    }

    /// Evaluates a node of the expression arena (through the graph's compact program).
    public mutating func evaluate(_ index: Int) -> TriValue {
        switch graph.program.nodes[index] {
        case .always:
            return .true
        case .all(let start, let count):
            var result = TriValue.true
            for k in Int(start)..<Int(start + count) {
                switch evaluate(Int(graph.program.children[k])) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .any(let start, let count):
            var result = TriValue.false
            for k in Int(start)..<Int(start + count) {
                switch evaluate(Int(graph.program.children[k])) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not(let child):
            return !evaluate(Int(child))
        case .rule(let r):
            return condition(of: Int(r))
        case .flag(let slot, let expected):
            guard !facts.unknown[Int(slot)] else { return .unknown }
            if case .bool(let b) = facts.values[Int(slot)] { return TriValue(b == expected) }
            return .false
        case .choice(let slot, let mask):
            guard !facts.unknown[Int(slot)] else { return .unknown }
            return TriValue(facts.bits[Int(slot)] & mask != 0)
        case .listAny(let slot, let mask):
            guard !facts.unknown[Int(slot)] else { return .unknown }
            return TriValue(facts.bits[Int(slot)] & mask != 0)
        case .listAll(let slot, let mask):
            guard !facts.unknown[Int(slot)] else { return .unknown }
            let b = facts.bits[Int(slot)]
            guard case .list(let items) = facts.values[Int(slot)], !items.isEmpty else { return .false }
            return TriValue(b & ~mask == 0)
        case .date(let slot, let op, let date):
            guard case .date(let d) = facts.values[Int(slot)] else { return .unknown }
            return TriValue(op.holds(d, date ?? asOf))
        case .asOf(let op, let date):
            return TriValue(op.holds(asOf, date))
        case .number(let slot, let op, let n):
            guard case .number(let v) = facts.values[Int(slot)] else { return .unknown }
            return TriValue(op.holds(v, n))
        case .general:
            return FactTests.evaluate(graph.nodes[index], facts: facts, asOf: asOf, graph: graph)
        }
    }
}
