public import Measures
public import RuleCompiler

/// When an exemption ends for a given measure.
public struct ExemptionWindow {
    public let graph: RuleGraph

    public init(graph: RuleGraph) {
        self.graph = graph
    }

    /// The earliest known end (exclusive), and whether a date fact it depends on is unknown.
    public func end(of rule: Int, facts: FactVector) -> (known: CalendarDate?, unknownFacts: Bool) {
        guard case .exemption(let until, _) = graph.rules[rule].definition.conclusion else { return (nil, false) }
        switch until {
        case .date(let d):
            return (d, false)
        case .earliest(let dates, let paths):
            var candidates = dates
            var unknown = false
            for path in paths {
                if let slot = graph.factSlots[path], case .date(let d) = facts[slot] {
                    candidates.append(d)
                } else {
                    unknown = true
                }
            }
            return (candidates.min(), unknown)
        }
    }
}
