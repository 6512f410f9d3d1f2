import Diagnostics
import Measures
import YAMLLoader

extension RuleFileDecoder {
    static var factOperators: [String] { FactTest.keys }
    static let conditionOperators = ["always", "all", "any", "not", "rule", "fact", "as_of", "member_of", "member_attribute"]

    /// Decodes a condition: a mapping with one operator (a `fact` condition has `fact` and one test).
    mutating func condition(_ node: YAMLNode) -> Condition? {
        guard let m = node.mapping else {
            reader.typeMismatch(node, expected: "a condition (a mapping such as {fact: benefit, is: true})")
            return nil
        }
        if m["fact"] != nil { return factCondition(node, m) }
        guard m.count == 1, let pair = m.pairs.first else {
            reader.diagnostics.error(
                "rule.invalid-condition", "a condition has exactly one operator, found \(m.count)", at: node.range,
                notes: [Note("operators: \(Self.conditionOperators.joined(separator: ", "))")])
            return nil
        }
        let value = pair.value
        switch pair.keyText {
        case "always":
            guard reader.bool(value) == true else {
                reader.diagnostics.error("rule.invalid-condition", "'always' takes the value true", at: value.range)
                return nil
            }
            return Condition(.always, range: node.range)
        case "all", "any":
            guard let items = reader.sequence(value, what: pair.keyText), !items.isEmpty else {
                if value.sequence != nil {
                    reader.diagnostics.error("rule.invalid-condition", "'\(pair.keyText)' needs at least one condition", at: value.range)
                }
                return nil
            }
            let parts = items.compactMap { condition($0) }
            guard parts.count == items.count else { return nil }
            return Condition(pair.keyText == "all" ? .all(parts) : .any(parts), range: node.range)
        case "not":
            return condition(value).map { Condition(.not($0), range: node.range) }
        case "rule":
            return reader.string(value).map { Condition(.rule($0), range: value.range) }
        case "member_of":
            return reader.string(value).map { Condition(.memberOf(table: $0), range: value.range) }
        case "member_attribute":
            return memberAttribute(value, range: node.range)
        case "as_of":
            return asOf(value, range: node.range)
        default:
            reader.diagnostics.error(
                "rule.unknown-key",
                "unknown condition '\(pair.keyText)'\(Suggestion.hint(for: pair.keyText, in: Self.conditionOperators))",
                at: pair.key.range,
                notes: [Note("operators: \(Self.conditionOperators.joined(separator: ", "))")])
            return nil
        }
    }

    private mutating func factCondition(_ node: YAMLNode, _ m: YAMLMapping) -> Condition? {
        guard let map = reader.mapping(node, known: ["fact"] + Self.factOperators, what: "a fact condition"),
              let pathNode = map["fact"], let path = reader.string(pathNode) else { return nil }
        let tests = map.pairs.filter { $0.keyText != "fact" }
        guard tests.count == 1, let test = tests.first else {
            reader.diagnostics.error(
                "rule.invalid-condition", "a fact condition needs exactly one test, found \(tests.count)", at: node.range,
                notes: [Note("tests: \(Self.factOperators.joined(separator: ", "))")])
            return nil
        }
        _ = m
        let kind = FactTest.decode(key: test.keyText, value: test.value, &self)
        guard let kind else { return nil }
        return Condition(.fact(path: path, test: kind), range: node.range)
    }

    private mutating func asOf(_ node: YAMLNode, range: SourceRange) -> Condition? {
        let keys = DateComparison.allCases.map(\.rawValue)
        guard let m = reader.mapping(node, known: keys, what: "'as_of'"), m.count == 1, let pair = m.pairs.first,
              let op = DateComparison(rawValue: pair.keyText), let d = date(pair.value) else {
            if node.mapping?.count != 1 {
                reader.diagnostics.error("rule.invalid-condition", "'as_of' takes one comparison, e.g. {before: 2016-07-01}", at: node.range)
            }
            return nil
        }
        return Condition(.asOf(op, d), range: range)
    }

    private mutating func memberAttribute(_ node: YAMLNode, range: SourceRange) -> Condition? {
        guard let m = reader.mapping(node, known: ["table", "column", "is", "in"], what: "'member_attribute'"),
              let table = reader.required(m, "table", in: node, what: "'member_attribute'").flatMap({ reader.string($0) }),
              let column = reader.required(m, "column", in: node, what: "'member_attribute'").flatMap({ reader.string($0) })
        else { return nil }
        var values: [Literal] = []
        if let v = m["is"], let l = literal(v) { values = [l] }
        if let v = m["in"], let list = reader.sequence(v, what: "in") { values += list.compactMap { literal($0) } }
        guard !values.isEmpty else {
            reader.diagnostics.error("rule.invalid-condition", "'member_attribute' needs 'is' or 'in'", at: node.range)
            return nil
        }
        return Condition(.memberAttribute(table: table, column: column, values: values), range: range)
    }
}
