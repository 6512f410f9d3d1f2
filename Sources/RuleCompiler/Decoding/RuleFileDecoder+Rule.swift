import Diagnostics
import Measures
import YAMLLoader

extension RuleFileDecoder {
    static let ruleKeys = [
        "id", "title", "regime", "citation", "in_force", "text", "when", "then", "exception_to",
        "locate", "examples",
    ]
    static let categories = Category.concluded.map(\.rawValue)
    static let regimes = Regime.allCases.map(\.rawValue)

    mutating func rule(_ node: YAMLNode) -> RuleDefinition? {
        guard let m = reader.mapping(node, known: Self.ruleKeys, what: "a rule") else { return nil }
        let idNode = reader.required(m, "id", in: node, what: "a rule")
        let id = idNode.flatMap { reader.string($0) }
        let title = string(m, "title", in: node, what: "rule '\(id ?? "?")'")
        let regime = reader.optional(m, "regime").flatMap { reader.choiceIndex($0, allowed: Self.regimes, what: "regime").map { Regime.allCases[$0] } }
        let citation = reader.required(m, "citation", in: node, what: "rule '\(id ?? "?")'").flatMap { self.citation($0) }
        let inForceNode = reader.required(m, "in_force", in: node, what: "rule '\(id ?? "?")'")
        let inForce = inForceNode.flatMap { dateRange($0, what: "'in_force'") }
        let text = reader.optional(m, "text").flatMap { reader.string($0) }
        let when = reader.required(m, "when", in: node, what: "rule '\(id ?? "?")'").flatMap { condition($0) }
        let thenNode = reader.optional(m, "then")
        let conclusion = thenNode.map { self.conclusion($0) } ?? .some(.predicate)
        var exceptionTo: [(String, SourceRange)] = []
        if let list = reader.optional(m, "exception_to").flatMap({ reader.sequence($0, what: "exception_to") }) {
            for item in list { if let s = reader.string(item) { exceptionTo.append((s, item.range)) } }
        }
        let locateNode = reader.optional(m, "locate")
        let locate = locateNode.flatMap { reader.string($0) }
        var examples: [ExampleDefinition] = []
        if let list = reader.optional(m, "examples").flatMap({ reader.sequence($0, what: "examples") }) {
            for item in list { if let e = example(item) { examples.append(e) } }
        }
        guard let id, let idNode, let title, let citation, let inForce, let inForceNode, let when,
              let conclusion else { return nil }
        switch conclusion {
        case .predicate: break
        default:
            if regime == nil {
                reader.diagnostics.error("rule.missing-key", "rule '\(id)' concludes something, so it needs 'regime'", at: idNode.range)
                return nil
            }
        }
        var suspendsRanges: [SourceRange] = []
        if let thenMap = thenNode?.mapping, let list = thenMap["suspends"]?.sequence { suspendsRanges = list.map(\.range) }
        return RuleDefinition(
            id: id, idRange: idNode.range, title: title, regime: regime, citation: citation, inForce: inForce,
            inForceRange: inForceNode.range, text: text, when: when, conclusion: conclusion, thenRange: thenNode?.range,
            exceptionTo: exceptionTo, suspendsRanges: suspendsRanges, locate: locate, locateRange: locateNode?.range,
            examples: examples, file: file)
    }

    mutating func conclusion(_ node: YAMLNode) -> Conclusion? {
        let keys = ["category", "ground", "exemption", "suspends", "obligation", "calendar", "note"]
        guard let m = reader.mapping(node, known: keys, what: "'then'") else { return nil }
        if let c = reader.optional(m, "category") {
            guard let category = reader.choice(c, allowed: Self.categories, what: "category").flatMap(Category.init(rawValue:))
            else { return nil }
            let ground = reader.optional(m, "ground").flatMap { reader.string($0) }
            return .verdict(category: category, ground: ground)
        }
        if let e = reader.optional(m, "exemption") {
            // `until` omitted: open-ended (`exemption: {}`).
            guard let em = reader.mapping(e, known: ["until"], what: "'exemption'") else { return nil }
            var end = ExemptionEnd.open
            if let untilNode = reader.optional(em, "until") {
                guard let known = exemptionEnd(untilNode) else { return nil }
                end = known
            }
            guard let s = reader.required(m, "suspends", in: node, what: "an exemption"),
                  let suspends = reader.strings(s, what: "suspends") else { return nil }
            return .exemption(until: end, suspends: suspends)
        }
        if let o = reader.optional(m, "obligation") {
            guard let kind = reader.string(o),
                  let calendar = reader.required(m, "calendar", in: node, what: "an obligation").flatMap({ reader.string($0) })
            else { return nil }
            return .obligation(kind: kind, calendar: calendar)
        }
        if let n = reader.optional(m, "note") {
            return reader.string(n).map(Conclusion.note)
        }
        reader.diagnostics.error(
            "rule.invalid-then", "'then' needs 'category', 'exemption', 'obligation' or 'note'", at: node.range,
            notes: [Note("a rule without 'then' is a predicate")])
        return nil
    }

    static let farDate = CalendarDate(year: 9999, month: 12, day: 31)!

    mutating func exemptionEnd(_ node: YAMLNode) -> ExemptionEnd? {
        // 9999-12-31, the last writable day, stood for "no end date" before `until` could be
        // omitted: read as open, so no evaluator ever shows it as an end.
        if node.scalar != nil { return date(node).map { $0 == Self.farDate ? ExemptionEnd.open : ExemptionEnd.date($0) } }
        guard let m = reader.mapping(node, known: ["earliest"], what: "'until'"),
              let list = reader.required(m, "earliest", in: node, what: "'until'").flatMap({ reader.sequence($0, what: "earliest") })
        else { return nil }
        var dates: [CalendarDate] = [], facts: [String] = []
        for item in list {
            if let fm = item.mapping {
                guard let f = reader.mapping(item, known: ["fact"], what: "a date fact"),
                      let path = reader.required(f, "fact", in: item, what: "a date fact").flatMap({ reader.string($0) })
                else { return nil }
                _ = fm
                facts.append(path)
            } else if let d = date(item) {
                dates.append(d)
            }
        }
        return .earliest(dates: dates, facts: facts)
    }
}
