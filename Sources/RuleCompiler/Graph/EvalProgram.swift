public import Measures

/// The conditions of the graph compiled once more for speed: nodes with no heap payload (so that
/// reading one retains nothing), children in one flat array, and choices as bit masks over each
/// fact's list of allowed values. Node `i` here is node `i` of ``RuleGraph/nodes``.
public struct EvalProgram: Sendable {
    public enum Node: Sendable {
        case always
        case all(start: Int32, count: Int32)
        case any(start: Int32, count: Int32)
        case not(Int32)
        case rule(Int32)
        /// A yes/no fact equals the value.
        case flag(slot: Int32, Bool)
        /// A choice fact is one of the values in the mask.
        case choice(slot: Int32, mask: UInt64)
        /// A list-of-choices fact has an item in the mask.
        case listAny(slot: Int32, mask: UInt64)
        /// Every item of a non-empty list-of-choices fact is in the mask.
        case listAll(slot: Int32, mask: UInt64)
        case date(slot: Int32, DateComparison, CalendarDate?)
        case asOf(DateComparison, CalendarDate)
        case number(slot: Int32, NumberComparison, Double)
        /// Anything else: evaluate ``RuleGraph/nodes`` at the same index.
        case general
    }

    public var nodes: [Node]
    public var children: [Int32]
    /// Per rule: the root of its condition, and its days in force as day numbers (`until` exclusive).
    public var ruleRoots: [Int32] = []
    public var ruleFrom: [Int] = []
    public var ruleUntil: [Int] = []
    /// For each fact slot whose values are choices: the choices, in bit order.
    public var domains: [[String]?]

    /// Compiles `graph` nodes; `domains` gives the allowed values of each choice slot.
    public init(nodes graphNodes: [ExprNode], domains: [[String]?]) {
        self.domains = domains
        var nodes: [Node] = []
        var children: [Int32] = []
        nodes.reserveCapacity(graphNodes.count)
        func mask(_ values: [String], _ slot: Int) -> UInt64? {
            guard let domain = domains[slot], domain.count <= 64 else { return nil }
            var m: UInt64 = 0
            for v in values {
                guard let i = domain.firstIndex(of: v) else { continue }
                m |= 1 << UInt64(i)
            }
            return m
        }
        for node in graphNodes {
            switch node {
            case .always: nodes.append(.always)
            case .all(let c), .any(let c):
                let start = Int32(children.count)
                children += c.map(Int32.init)
                if case .all = node { nodes.append(.all(start: start, count: Int32(c.count))) } else {
                    nodes.append(.any(start: start, count: Int32(c.count)))
                }
            case .not(let c): nodes.append(.not(Int32(c)))
            case .rule(let r): nodes.append(.rule(Int32(r)))
            case .equals(let slot, let values):
                if values.count == 1, case .bool(let b) = values[0] {
                    nodes.append(.flag(slot: Int32(slot), b))
                } else if let m = mask(values.map(\.description), slot), values.allSatisfy({ if case .text = $0 { true } else { false } }) {
                    nodes.append(.choice(slot: Int32(slot), mask: m))
                } else {
                    nodes.append(.general)
                }
            case .anyOf(let slot, let values):
                nodes.append(mask(values, slot).map { .listAny(slot: Int32(slot), mask: $0) } ?? .general)
            case .allIn(let slot, let values):
                nodes.append(mask(values, slot).map { .listAll(slot: Int32(slot), mask: $0) } ?? .general)
            case .contains(let slot, let value):
                nodes.append(mask([value], slot).map { .listAny(slot: Int32(slot), mask: $0) } ?? .general)
            case .date(let slot, let op, let d): nodes.append(.date(slot: Int32(slot), op, d))
            case .asOf(let op, let d): nodes.append(.asOf(op, d))
            case .number(let slot, let op, let n): nodes.append(.number(slot: Int32(slot), op, n))
            case .hsAllIn, .hsAnyIn, .memberOf, .memberAttribute: nodes.append(.general)
            }
        }
        self.nodes = nodes
        self.children = children
    }

    /// Records each rule's condition root and days in force.
    mutating func setRules(_ rules: [(root: Int, inForce: DateRange)]) {
        ruleRoots = rules.map { Int32($0.root) }
        ruleFrom = rules.map { $0.inForce.from.dayNumber }
        ruleUntil = rules.map { $0.inForce.until?.dayNumber ?? Int.max }
    }
}
