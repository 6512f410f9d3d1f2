public import Measures
public import RuleCompiler

/// Why an exception did or did not apply, as data; ``text`` words it.
public enum Reason: Sendable, Hashable {
    /// A part of a condition and the values it tested.
    public indirect enum Part: Sendable, Hashable {
        case test(ExprNode, path: String?, value: FactValue?, table: String?, asOf: CalendarDate)
        case rule(id: String, title: String)
        case noneOf([Part])
        case holds(Part)
    }

    case notInForce(DateRange, CalendarDate)
    case applies(String)
    case open([String])
    case failed(Part)
    /// An exemption whose conditions hold but whose period ended (exclusive end date).
    case ended(CalendarDate)

    public var text: String {
        switch self {
        case .notInForce(let range, let date): "not in force on \(date) (\(range.description))"
        case .applies(let title): "applies: \(title)"
        case .open(let facts): facts.isEmpty ? "may apply: depends on unknown facts" : "may apply: depends on " + facts.joined(separator: ", ")
        case .failed(let part): "does not apply: " + Reason.words(part)
        case .ended(let date): "its conditions hold, but it ended on \(date) (it applied until the day before)"
        }
    }

    static func words(_ part: Part) -> String {
        switch part {
        case .rule(let id, let title): "'\(id)' (\(title)) is false"
        case .noneOf(let parts): "none of: " + parts.map(words).joined(separator: "; ")
        case .holds(.rule(let id, let title)): "'\(id)' (\(title)) holds"
        case .holds(let inner): "the excluded condition holds: " + words(inner)
        case .test(let node, let path, let value, let table, let asOf): test(node, path, value, table, asOf)
        }
    }

    private static func test(_ node: ExprNode, _ path: String?, _ value: FactValue?, _ table: String?, _ asOf: CalendarDate) -> String {
        let fact = path.map { "\($0) is \(FactText.describe(value ?? .unknown))" } ?? ""
        switch node {
        case .always: return "always"
        case .all: return "all of several conditions"
        case .any: return "any of several conditions"
        case .not: return "a negated condition"
        case .rule: return "a predicate"
        case .equals(_, let values): return "\(fact) (needs \(values.map(\.description).joined(separator: " or ")))"
        case .anyOf(_, let values): return "\(fact) (needs any of \(values.joined(separator: ", ")))"
        case .allIn(_, let values): return "\(fact) (needs only \(values.joined(separator: ", ")))"
        case .contains(_, let value): return "\(fact) (needs \(value))"
        case .date(_, let op, let d): return "\(fact) (needs \(op.words) \(d.map(\.description) ?? "the as-of date \(asOf)"))"
        case .asOf(let op, let d): return "the as-of date \(asOf) (needs \(op.words) \(d))"
        case .number(_, let op, let n): return "\(fact) (needs \(op.words) \(FactText.describe(.number(n))))"
        case .hsAllIn: return "\(fact) (needs all within '\(table ?? "?")')"
        case .hsAnyIn: return "\(fact) (needs some within '\(table ?? "?")')"
        case .memberOf: return "\(fact) (needs membership of '\(table ?? "?")' on \(asOf))"
        case .memberAttribute(_, let column, let values):
            return "\(column) of the member in '\(table ?? "?")' (needs \(values.map(\.description).joined(separator: " or ")))"
        }
    }
}
