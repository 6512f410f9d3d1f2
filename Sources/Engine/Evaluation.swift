public import Measures
public import RuleCompiler

/// One evaluation of the graph against one measure's facts on one date, in three-valued (Kleene)
/// logic. Predicate values are computed once and remembered.
public struct Evaluation {
    public let graph: RuleGraph
    public let facts: FactVector
    public let asOf: CalendarDate
    private var predicateMemo: [TriValue?]

    public init(graph: RuleGraph, facts: FactVector, asOf: CalendarDate) {
        self.graph = graph
        self.facts = facts
        self.asOf = asOf
        self.predicateMemo = Array(repeating: nil, count: graph.rules.count)
    }

    /// Whether the rule is in force on the evaluation date.
    public func inForce(_ rule: Int) -> Bool {
        graph.rules[rule].definition.inForce.contains(asOf)
    }

    /// The value of a rule's condition; a rule not in force is false.
    public mutating func condition(of rule: Int) -> TriValue {
        if let memo = predicateMemo[rule] { return memo }
        let value = inForce(rule) ? evaluate(graph.rules[rule].condition) : .false
        predicateMemo[rule] = value
        return value
    }

    /// Evaluates a node of the expression arena.
    public mutating func evaluate(_ index: Int) -> TriValue {
        switch graph.nodes[index] {
        case .always:
            return .true
        case .all(let children):
            var result = TriValue.true
            for c in children {
                switch evaluate(c) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .any(let children):
            var result = TriValue.false
            for c in children {
                switch evaluate(c) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not(let child):
            return !evaluate(child)
        case .rule(let r):
            return condition(of: r)
        default:
            return FactTests.evaluate(graph.nodes[index], facts: facts, asOf: asOf, graph: graph)
        }
    }
}
