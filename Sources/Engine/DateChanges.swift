import Measures
import RuleCompiler

/// The days on which a rule may change its value for the same facts: the days it, or a rule it
/// depends on, enters into force or lapses, the days they compare with the evaluation date, and the
/// days the rows of the member tables they read begin and end. Between two dates with no such day
/// in between, the rule has the same value on the same facts, unless a test compares a date fact
/// with the evaluation date (then the measure's own dates count too). Lets ``Classifier`` reuse an
/// obligation rule's value on a past due date.
struct DateChanges: Sendable {
    /// Sorted day numbers.
    private let days: [Int]
    /// Whether some test compares a date fact with the evaluation date.
    private let factsComparedWithDate: Bool
    /// The date fact slots.
    private let dateSlots: [Int]

    /// The change days of rule `rule` of `graph` and of the rules it depends on, or that may defeat them.
    init(graph: RuleGraph, rule: Int, dateSlots: [Int]) {
        var days = Set<Int>()
        func add(_ range: DateRange) {
            days.insert(range.from.dayNumber)
            if let until = range.until { days.insert(until.dayNumber) }
        }
        var compared = false
        var tables = Set<Int>()
        var seen = Set<Int>(), rules = [rule]
        while let r = rules.popLast() {
            guard seen.insert(r).inserted else { continue }
            add(graph.rules[r].definition.inForce)
            rules += graph.rules[r].dependsOn + graph.rules[r].exceptions
            var nodes = [graph.rules[r].condition]
            while let n = nodes.popLast() {
                switch graph.nodes[n] {
                case .all(let children), .any(let children): nodes += children
                case .not(let child): nodes.append(child)
                case .rule(let i): rules.append(i)
                case .fact(_, let test): if test.op.readsEvaluationDate { compared = true }
                case .asOf(_, let day): days.formUnion([day.dayNumber, day.dayNumber + 1])
                case .memberOf(let table), .memberAttribute(let table, _, _): tables.insert(table)
                case .always: break
                }
            }
        }
        for t in tables {
            guard case .members(_, let rows) = graph.tables[t].definition.content else { continue }
            for row in rows { if let span = row.membership { add(span) } }
        }
        self.days = days.sorted()
        self.factsComparedWithDate = compared
        self.dateSlots = dateSlots
    }

    /// Whether every rule has the same value on `earlier` as on `later` for `facts`: no change day
    /// in `(earlier, later]`, nor (when rules compare date facts with the date) a date of the measure
    /// within a day of that span.
    func same(_ earlier: CalendarDate, _ later: CalendarDate, facts: FactVector) -> Bool {
        let a = earlier.dayNumber, b = later.dayNumber
        guard a < b else { return a == b }
        // The first change day after `a`.
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] <= a { low = mid + 1 } else { high = mid }
        }
        if low < days.count, days[low] <= b { return false }
        if factsComparedWithDate {
            for slot in dateSlots {
                if case .date(let d) = facts[slot], d.dayNumber >= a - 1, d.dayNumber <= b + 1 { return false }
            }
        }
        return true
    }
}
