import Measures

/// The answers worth trying for each fact when it is unknown, used to rank questions: every value
/// of a choice, both of a yes/no fact, and for dates, numbers, lists and HS codes the values the
/// tests of the fact offer (``FactOperator/answers(_:)``: either side of each threshold, a code of
/// each table) and the texts they name. Dates near the evaluation date are added at ranking time.
enum AnswerDomains {
    static func build(
        nodes: [ExprNode], tables: [RuleGraph.Table], factPaths: [String], types: [String: MeasureSchema.FieldType]
    ) -> [[FactValue]] {
        var tests = [[FactTest]](repeating: [], count: factPaths.count)
        for node in nodes {
            if case .fact(let s, let test) = node { tests[s].append(test) }
        }
        return factPaths.indices.map { slot in
            answers(types[factPaths[slot]], tests[slot], tables)
        }
    }

    private static func answers(_ type: MeasureSchema.FieldType?, _ tests: [FactTest], _ tables: [RuleGraph.Table]) -> [FactValue] {
        let named = tests.flatMap(\.op.namedTexts)
        let offered = tests.flatMap { $0.op.answers(tables) }
        switch type {
        case .triState?:
            return [.bool(true), .bool(false)]
        case .choice(let allowed)?:
            return allowed.filter { $0 != "unknown" }.map(FactValue.text)
        case .choiceList(let allowed)?:
            // The values the rules test, each alone, and one value no rule names (if any).
            var answers = allowed.filter(named.contains)
            if let other = allowed.first(where: { !named.contains($0) }) { answers.append(other) }
            return answers.map { FactValue.list([$0]) }
        case .date?:
            let dates = Set(offered.compactMap { if case .date(let d) = $0 { d } else { nil } })
            return dates.sorted().map(FactValue.date)
        case .number?:
            let values = Set(offered.compactMap { if case .number(let n) = $0 { n } else { nil } })
            return values.sorted().map(FactValue.number)
        case .textList?, .countryList?:
            let values = Set(named + ["(other)"])
            return values.sorted().map { FactValue.list([$0]) }
        case .hsList?:
            // A code outside every table, and the codes the tests offer.
            let codes = Set(["99"] + offered.compactMap { if case .list(let items) = $0 { items.first } else { nil } })
            return codes.sorted().map { FactValue.list([$0]) }
        case .text?, .country?, .currency?, .claims?, .group?, nil:
            return []
        }
    }
}
