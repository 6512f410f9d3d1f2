import Diagnostics
import Measures
import YAMLLoader

extension RuleFileDecoder {
    mutating func table(_ node: YAMLNode) -> TableDefinition? {
        let keys = ["id", "title", "citation", "key", "rows", "codes", "note"]
        guard let m = reader.mapping(node, known: keys, what: "a table") else { return nil }
        let idNode = reader.required(m, "id", in: node, what: "a table")
        let id = idNode.flatMap { reader.string($0) }
        let title = string(m, "title", in: node, what: "table '\(id ?? "?")'")
        let citation = reader.required(m, "citation", in: node, what: "table '\(id ?? "?")'").flatMap { self.citation($0) }
        var content: TableDefinition.Content?
        if let codesNode = reader.optional(m, "codes") {
            content = hsCodes(codesNode).map { .codes($0) }
        } else if let rowsNode = reader.optional(m, "rows") {
            let key = reader.optional(m, "key").flatMap { reader.string($0) } ?? "code"
            content = reader.sequence(rowsNode, what: "rows").map { .members(key: key, rows: $0.compactMap { row($0, key: key) }) }
        } else {
            reader.diagnostics.error("rule.missing-key", "table '\(id ?? "?")' needs 'rows' or 'codes'", at: node.range)
        }
        guard let id, let idNode, let title, let citation, let content else { return nil }
        return TableDefinition(id: id, idRange: idNode.range, title: title, citation: citation, content: content)
    }

    /// An HS code list: each code 2, 4, 6, 8 or 10 digits (chapter to national tariff line; dots
    /// and spaces are ignored). Measures give 2, 4 or 6 digits, so a code falls under an entry
    /// exactly when they agree on an even-length prefix, which is how the engine matches them.
    private mutating func hsCodes(_ node: YAMLNode) -> [String]? {
        guard let items = reader.sequence(node, what: "codes") else { return nil }
        var codes: [String] = []
        for item in items {
            guard let text = reader.string(item) else { return nil }
            let digits = text.filter { $0 != "." && $0 != " " }
            guard [2, 4, 6, 8, 10].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                reader.diagnostics.error(
                    "rule.invalid-hs-code", "'\(text)' is not an HS code: expected 2, 4, 6, 8 or 10 digits", at: item.range)
                return nil
            }
            codes.append(digits)
        }
        return codes
    }

    private mutating func row(_ node: YAMLNode, key: String) -> MemberRow? {
        guard let m = node.mapping else {
            reader.typeMismatch(node, expected: "a table row (a mapping)")
            return nil
        }
        guard let keyNode = reader.required(m, key, in: node, what: "a table row"), let keyValue = reader.string(keyNode) else {
            return nil
        }
        var values: [String: Literal] = [:]
        var joined: CalendarDate?, left: CalendarDate?
        for pair in m.pairs {
            switch pair.keyText {
            case "joined": joined = reader.isNull(pair.value) ? nil : date(pair.value)
            case "left": left = reader.isNull(pair.value) ? nil : date(pair.value)
            default:
                if !reader.isNull(pair.value), let l = literal(pair.value) { values[pair.keyText] = l }
            }
        }
        var membership: DateRange?
        if let joined {
            if let left, left <= joined {
                reader.diagnostics.error("rule.inverted-dates", "'left' (\(left)) is not after 'joined' (\(joined))", at: node.range)
            } else {
                membership = DateRange(from: joined, until: left)
            }
        }
        return MemberRow(key: keyValue, range: node.range, membership: membership, values: values)
    }

    mutating func calendar(_ node: YAMLNode) -> CalendarDefinition? {
        let keys = ["id", "regime", "kind", "title", "citation", "in_force", "period", "anchor_year", "covers", "due", "note"]
        guard let m = reader.mapping(node, known: keys, what: "a calendar") else { return nil }
        let what = "a calendar"
        let idNode = reader.required(m, "id", in: node, what: what)
        let id = idNode.flatMap { reader.string($0) }
        let regime = reader.required(m, "regime", in: node, what: what).flatMap { reader.choiceIndex($0, allowed: Self.regimes, what: "regime").map { Regime.allCases[$0] } }
        let kind = string(m, "kind", in: node, what: what)
        let title = string(m, "title", in: node, what: what)
        let citation = reader.required(m, "citation", in: node, what: what).flatMap { self.citation($0) }
        let inForceNode = reader.required(m, "in_force", in: node, what: what)
        let inForce = inForceNode.flatMap { dateRange($0, what: "'in_force'") }
        let period = reader.required(m, "period", in: node, what: what).flatMap {
            reader.choice($0, allowed: CalendarDefinition.Period.allCases.map(\.rawValue), what: "period")
        }.flatMap(CalendarDefinition.Period.init(rawValue:))
        let anchor = reader.optional(m, "anchor_year").flatMap { whole($0, in: 1...9999) }
        let covers = reader.required(m, "covers", in: node, what: what).flatMap {
            reader.choice($0, allowed: CalendarDefinition.Covers.allCases.map(\.rawValue), what: "covers")
        }.flatMap(CalendarDefinition.Covers.init(rawValue:))
        let due = reader.required(m, "due", in: node, what: what).flatMap { self.due($0) }
        guard let id, let idNode, let regime, let kind, let title, let citation, let inForce, let inForceNode,
              let period, let covers, let due else { return nil }
        if period == .biennium, anchor == nil {
            reader.diagnostics.error("rule.missing-key", "a biennium calendar needs 'anchor_year' (a year a period starts)", at: node.range)
            return nil
        }
        return CalendarDefinition(
            id: id, idRange: idNode.range, regime: regime, kind: kind, title: title, citation: citation,
            inForce: inForce, inForceRange: inForceNode.range, period: period, anchorYear: anchor, covers: covers,
            due: due, file: file)
    }

    private mutating func due(_ node: YAMLNode) -> CalendarDefinition.Due? {
        guard let m = reader.mapping(node, known: ["months_after_period_end", "month", "day"], what: "'due'"),
              let day = reader.required(m, "day", in: node, what: "'due'").flatMap({ whole($0, in: -1000...1000) })
        else { return nil }
        guard (1...31).contains(day) else {
            reader.diagnostics.error("rule.invalid-value", "day \(day) is not a day of a month", at: node.range)
            return nil
        }
        if let months = reader.optional(m, "months_after_period_end").flatMap({ whole($0, in: 0...120) }) {
            return .afterPeriodEnd(months: months, day: day)
        }
        if let month = reader.optional(m, "month").flatMap({ whole($0, in: 1...12) }) {
            return .fixed(month: month, day: day)
        }
        reader.diagnostics.error("rule.missing-key", "'due' needs 'months_after_period_end' or a 'month' from 1 to 12", at: node.range)
        return nil
    }

    mutating func fixture(_ node: YAMLNode) -> FixtureDefinition? {
        guard let m = reader.mapping(node, known: ["id", "measure", "note"], what: "a fixture"),
              let idNode = reader.required(m, "id", in: node, what: "a fixture"), let id = reader.string(idNode),
              let measure = reader.required(m, "measure", in: node, what: "fixture '\(id)'") else { return nil }
        return FixtureDefinition(id: id, idRange: idNode.range, measure: measure)
    }

    mutating func example(_ node: YAMLNode) -> ExampleDefinition? {
        guard let m = reader.mapping(node, known: ["name", "as_of", "extends", "measure", "expect"], what: "an example"),
              let name = string(m, "name", in: node, what: "an example") else { return nil }
        let asOf = reader.required(m, "as_of", in: node, what: "example '\(name)'").flatMap { date($0) }
        let extendsNode = reader.optional(m, "extends")
        let extends = extendsNode.flatMap { reader.string($0) }
        let measure = reader.optional(m, "measure")
        guard let expectNode = reader.required(m, "expect", in: node, what: "example '\(name)'"),
              let e = reader.mapping(expectNode, known: ["triggers", "category", "regime", "deciding", "exemption", "questions"],
                                     what: "'expect'") else { return nil }
        var triggers: TriValue?
        if let t = reader.required(e, "triggers", in: expectNode, what: "'expect'") {
            if t.scalar?.value == "unknown" { triggers = .unknown } else { triggers = reader.bool(t).map(TriValue.init) }
        }
        let category = reader.optional(e, "category").flatMap {
            reader.choice($0, allowed: Category.allCases.map(\.rawValue), what: "category").flatMap(Category.init(rawValue:))
        }
        let regime = reader.optional(e, "regime").flatMap { reader.choiceIndex($0, allowed: Self.regimes, what: "regime").map { Regime.allCases[$0] } }
        let deciding = reader.optional(e, "deciding").flatMap { reader.strings($0, what: "deciding") } ?? []
        var exemption: String??
        if let x = reader.optional(e, "exemption"), let s = reader.string(x) { exemption = .some(s == "none" ? nil : s) }
        let questions = reader.optional(e, "questions").flatMap { reader.strings($0, what: "questions") } ?? []
        guard let asOf, let triggers else { return nil }
        return ExampleDefinition(
            name: name, range: node.range, asOf: asOf, extends: extends, extendsRange: extendsNode?.range,
            measure: measure, expectRange: expectNode.range, triggers: triggers, category: category, regime: regime,
            deciding: deciding, exemption: exemption, questions: questions)
    }

    /// A whole number within `range`, reported at the value otherwise (never a trap on 1e300).
    private mutating func whole(_ node: YAMLNode, in range: ClosedRange<Int>) -> Int? {
        guard let n = reader.number(node) else { return nil }
        guard n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            reader.diagnostics.error("rule.invalid-value", "expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                                     at: node.range)
            return nil
        }
        return Int(n)
    }
}
