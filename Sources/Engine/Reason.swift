import FastPath
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
        TextBuilder.text { out in words(into: &out) }
    }

    private func words(into out: inout TextBuilder) {
        switch self {
        case .notInForce(let range, let date):
            out.append("not in force on ")
            out.append(date)
            out.append(" (")
            out.append(range.description)
            out.append(")")
        case .applies(let title):
            out.append("applies: ")
            out.append(title)
        case .open(let facts):
            if facts.isEmpty {
                out.append("may apply: depends on unknown facts")
            } else {
                out.append("may apply: depends on ")
                out.append(facts, separator: ", ")
            }
        case .failed(let part):
            out.append("does not apply: ")
            Reason.words(part, into: &out)
        case .ended(let date):
            out.append("its conditions hold, but it covered only through ")
            out.append(date.adding(days: -1))
            out.append(" (until ")
            out.append(date)
            out.append(", exclusive)")
        }
    }

    static func words(_ part: Part) -> String {
        TextBuilder.text { words(part, into: &$0) }
    }

    private static func words(_ part: Part, into out: inout TextBuilder) {
        switch part {
        case .rule(let id, let title):
            out.append("'", id, "' (", title, ") is false")
        case .noneOf(let parts):
            out.append("none of: ")
            for (i, inner) in parts.enumerated() {
                if i > 0 { out.append("; ") }
                words(inner, into: &out)
            }
        case .holds(.rule(let id, let title)):
            out.append("'", id, "' (", title, ") holds")
        case .holds(let inner):
            out.append("the excluded condition holds: ")
            words(inner, into: &out)
        case .test(let node, let path, let value, let table, let asOf):
            test(node, path, value, table, asOf, into: &out)
        }
    }

    /// "PATH is VALUE", when the test reads a fact.
    private static func fact(_ path: String?, _ value: FactValue?, into out: inout TextBuilder) {
        guard let path else { return }
        out.append(path)
        out.append(" is ")
        FactText.describe(value ?? .unknown, into: &out)
    }

    private static func test(
        _ node: ExprNode, _ path: String?, _ value: FactValue?, _ table: String?, _ asOf: CalendarDate, into out: inout TextBuilder
    ) {
        switch node {
        case .always: out.append("always")
        case .all: out.append("all of several conditions")
        case .any: out.append("any of several conditions")
        case .not: out.append("a negated condition")
        case .rule: out.append("a predicate")
        case .asOf(let op, let d):
            out.append("the as-of date ")
            out.append(asOf)
            out.append(" (needs ", op.words, " ")
            out.append(d)
            out.append(")")
        case .memberAttribute(_, let column, let values):
            out.append(column, " of the member in '", table ?? "?")
            out.append("' (needs ")
            for (i, v) in values.enumerated() {
                if i > 0 { out.append(" or ") }
                out.append(v.description)
            }
            out.append(")")
        case .fact(_, let test):
            fact(path, value, into: &out)
            out.append(" (needs ", test.op.needs(asOf: asOf), ")")
        case .memberOf:
            fact(path, value, into: &out)
            out.append(" (needs membership of '", table ?? "?", "' on ")
            out.append(asOf)
            out.append(")")
        }
    }

    /// The words of a failed test of the fact at `path` (`.failed(.test(node, path:, …))`) around
    /// its value, when they do not depend on the as-of date: "does not apply: PATH is " and
    /// " (needs …)". `nil` for other tests.
    static func failedTestWords(_ test: FactTest, path: String) -> (head: String, tail: String)? {
        let op = test.op
        guard !op.readsEvaluationDate else { return nil }
        let head = TextBuilder.text { out in
            out.append("does not apply: ")
            out.append(path)
            out.append(" is ")
        }
        // (The as-of date is not read by these tests.)
        let tail = TextBuilder.text { $0.append(" (needs ", op.needs(asOf: CalendarDate(dayNumber: 0)), ")") }
        return (head, tail)
    }

    /// The words of `.failed(.rule(id:title:))` and of `.failed(.holds(.rule(id:title:)))`.
    static func failedRuleWords(id: String, title: String) -> (isFalse: String, holds: String) {
        (Reason.failed(.rule(id: id, title: title)).text, Reason.failed(.holds(.rule(id: id, title: title))).text)
    }
}

extension TextBuilder {
    /// A date as `YYYY-MM-DD` (``CalendarDate/description``), written in place.
    mutating func append(_ date: CalendarDate) {
        guard (0...9999).contains(date.year) else { return append(date.description) }
        appendDate(year: date.year, month: date.month, day: date.day)
    }
}
