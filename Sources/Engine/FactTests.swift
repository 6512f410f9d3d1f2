import Measures
import RuleCompiler

/// The leaf tests of the condition language, in three-valued logic: an unknown fact gives unknown.
enum FactTests {
    static func evaluate(_ node: ExprNode, facts: FactVector, asOf: CalendarDate, graph: RuleGraph) -> TriValue {
        switch node {
        case .equals(let slot, let values):
            switch facts[slot] {
            case .unknown: return .unknown
            case .bool(let b): return TriValue(values.contains(.bool(b)))
            case .text(let t): return TriValue(values.contains(.text(t)))
            default: return .false
            }
        case .anyOf(let slot, let values):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(items.contains(where: values.contains))
        case .allIn(let slot, let values):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(!items.isEmpty && items.allSatisfy(values.contains))
        case .contains(let slot, let value):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(items.contains(value))
        case .date(let slot, let op, let date):
            guard case .date(let d) = facts[slot] else { return .unknown }
            return TriValue(op.holds(d, date ?? asOf))
        case .asOf(let op, let date):
            return TriValue(op.holds(asOf, date))
        case .number(let slot, let op, let n):
            guard case .number(let v) = facts[slot] else { return .unknown }
            return TriValue(op.holds(v, n))
        case .hsAllIn(let slot, let table):
            guard case .list(let codes) = facts[slot], !codes.isEmpty else { return .unknown }
            var result = TriValue.true
            for code in codes {
                switch hsMatch(code, graph.tables[table]) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .hsAnyIn(let slot, let table):
            guard case .list(let codes) = facts[slot], !codes.isEmpty else { return .unknown }
            var result = TriValue.false
            for code in codes {
                switch hsMatch(code, graph.tables[table]) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .memberOf(let table):
            guard let member = facts.memberState else { return .unknown }
            let rows = graph.tables[table].rows[member] ?? []
            return TriValue(rows.contains { $0.membership?.contains(asOf) ?? false })
        case .memberAttribute(let table, let column, let values):
            guard let member = facts.memberState else { return .unknown }
            let rows = graph.tables[table].rows[member] ?? []
            let row = rows.first { $0.membership?.contains(asOf) ?? true } ?? rows.last
            guard let value = row?.values[column] else { return .false }
            return TriValue(values.contains(value))
        case .always, .all, .any, .not, .rule:
            return .unknown
        }
    }

    /// Whether an HS code falls under a code list: true when an entry is a prefix of the code,
    /// unknown when the code is broader than an entry (only part of it is listed), else false.
    static func hsMatch(_ code: String, _ table: RuleGraph.Table) -> TriValue {
        var end = code.index(code.startIndex, offsetBy: min(2, code.count))
        while true {
            if table.codeSet.contains(String(code[..<end])) { return .true }
            guard end < code.endIndex else { break }
            end = code.index(end, offsetBy: 2, limitedBy: code.endIndex) ?? code.endIndex
        }
        return table.prefixSet.contains(code) ? .unknown : .false
    }
}
