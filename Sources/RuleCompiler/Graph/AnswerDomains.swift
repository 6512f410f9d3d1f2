import Measures

/// The answers worth trying for each fact when it is unknown, used to rank questions: every value
/// of a choice, both of a yes/no fact, and for dates, numbers, lists and HS codes the values either
/// side of each threshold the rules test. Dates near the evaluation date are added at ranking time.
enum AnswerDomains {
    static func build(
        nodes: [ExprNode], tables: [RuleGraph.Table], factPaths: [String], types: [String: MeasureSchema.FieldType]
    ) -> [[FactValue]] {
        var leaves = [[ExprNode]](repeating: [], count: factPaths.count)
        for node in nodes {
            switch node {
            case .date(let s, _, _), .number(let s, _, _), .anyOf(let s, _), .allIn(let s, _), .contains(let s, _),
                 .hsAllIn(let s, _), .hsAnyIn(let s, _):
                leaves[s].append(node)
            case .always, .all, .any, .not, .rule, .equals, .asOf, .memberOf, .memberAttribute: break
            }
        }
        return factPaths.indices.map { slot in
            answers(types[factPaths[slot]], leaves[slot], tables)
        }
    }

    private static func answers(_ type: MeasureSchema.FieldType?, _ leaves: [ExprNode], _ tables: [RuleGraph.Table]) -> [FactValue] {
        switch type {
        case .triState?:
            return [.bool(true), .bool(false)]
        case .choice(let allowed)?:
            return allowed.filter { $0 != "unknown" }.map(FactValue.text)
        case .choiceList(let allowed)?:
            // The values the rules test, each alone, and one value no rule names (if any).
            let named = leaves.flatMap(\.namedTexts)
            var answers = allowed.filter(named.contains)
            if let other = allowed.first(where: { !named.contains($0) }) { answers.append(other) }
            return answers.map { FactValue.list([$0]) }
        case .date?:
            var dates = Set<CalendarDate>()
            for case .date(_, _, let d?) in leaves { dates.formUnion([d, d.adding(days: -1)]) }
            return dates.sorted().map(FactValue.date)
        case .number?:
            var values = Set<Double>()
            for case .number(_, _, let n) in leaves { values.formUnion([n - 1, n, n + 1]) }
            return values.sorted().map(FactValue.number)
        case .textList?, .countryList?:
            let values = Set(leaves.flatMap(\.namedTexts) + ["(other)"])
            return values.sorted().map { FactValue.list([$0]) }
        case .hsList?:
            var codes = Set<String>(["99"])
            for leaf in leaves {
                if case .hsAllIn(_, let t) = leaf, let first = tables[t].codes.first { codes.insert(first) }
                if case .hsAnyIn(_, let t) = leaf, let first = tables[t].codes.first { codes.insert(first) }
            }
            return codes.sorted().map { FactValue.list([$0]) }
        default:
            return []
        }
    }
}
