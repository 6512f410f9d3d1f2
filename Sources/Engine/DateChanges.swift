import Measures
import RuleCompiler

/// The days on which some rule of a graph may change its value for the same facts: the days rules
/// enter into force or lapse, the days compared with the evaluation date, and the days member-table
/// rows begin and end. Between two dates with no such day in between, every rule has the same
/// value on the same facts, unless a rule compares a date fact with the evaluation date (then the
/// measure's own dates count too). Lets ``Classifier`` reuse a rule's value on a past due date.
struct DateChanges: Sendable {
    /// Sorted day numbers.
    private let days: [Int]
    /// Whether some test compares a date fact with the evaluation date.
    private let factsComparedWithDate: Bool
    /// The date fact slots.
    private let dateSlots: [Int]

    init(graph: RuleGraph, dateSlots: [Int]) {
        var days = Set<Int>()
        func add(_ range: DateRange) {
            days.insert(range.from.dayNumber)
            if let until = range.until { days.insert(until.dayNumber) }
        }
        for rule in graph.rules { add(rule.definition.inForce) }
        var compared = false
        var tables = Set<Int>()
        for node in graph.nodes {
            switch node {
            case .date(_, _, nil): compared = true
            case .asOf(_, let day): days.formUnion([day.dayNumber, day.dayNumber + 1])
            case .memberOf(let table), .memberAttribute(let table, _, _): tables.insert(table)
            case .always, .all, .any, .not, .rule, .equals, .anyOf, .allIn, .contains, .date, .number, .hsAllIn, .hsAnyIn: break
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
