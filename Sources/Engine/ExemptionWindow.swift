public import Measures
public import RuleCompiler

/// When an exemption rule ends for a given measure: its `until` date, or the earliest of several
/// dates and date facts. Worked out once per rule; ``end(facts:)`` reads only the facts.
public struct ExemptionWindow: Sendable {
    /// The earliest fixed end date.
    private let fixed: CalendarDate?
    /// The date facts that can end it earlier, by slot (-1: not a fact of the graph, never known).
    private let slots: [Int]

    /// The window of rule `rule` of `graph` (no end for a rule that is not an exemption).
    public init(rule: Int, graph: RuleGraph) {
        switch graph.rules[rule].definition.conclusion {
        case .exemption(until: .date(let d), _):
            fixed = d
            slots = []
        case .exemption(until: .open, _):
            fixed = nil
            slots = []
        case .exemption(until: .earliest(let dates, let paths), _):
            fixed = dates.min()
            slots = paths.map { graph.factSlots[$0] ?? -1 }
        case .predicate, .verdict, .obligation, .note:
            fixed = nil
            slots = []
        }
    }

    /// The earliest known end (exclusive), and whether a date fact it depends on is unknown.
    public func end(facts: FactVector) -> (known: CalendarDate?, unknownFacts: Bool) {
        end { facts[$0] }
    }

    /// ``end(facts:)`` were the fact in `slot` `value` (a world of ``AnswerWorlds``), without
    /// copying the facts.
    func end(facts: FactVector, answering slot: Int, _ value: FactValue) -> (known: CalendarDate?, unknownFacts: Bool) {
        end { $0 == slot ? value : facts[$0] }
    }

    private func end(_ fact: (Int) -> FactValue) -> (known: CalendarDate?, unknownFacts: Bool) {
        var earliest = fixed
        var unknown = false
        for slot in slots {
            if slot >= 0, case .date(let d) = fact(slot) {
                earliest = min(earliest ?? d, d)
            } else {
                unknown = true
            }
        }
        return (earliest, unknown)
    }
}
