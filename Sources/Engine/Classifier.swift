public import Measures
public import RuleCompiler

/// Classifies measures: a pure function of (graph, facts, as-of date) to verdicts with their proof.
public struct Classifier: Sendable {
    public let graph: RuleGraph
    private let nextDue = NextDueCache()

    public init(graph: RuleGraph) {
        self.graph = graph
    }

    /// Classifies one measure under every regime.
    public func classify(_ measure: Measure, asOf: CalendarDate) -> Classification {
        let facts = FactVector(measure: measure, graph: graph)
        var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
        var verdicts: [RegimeVerdict] = []
        var obligations: [ObligationDue] = []
        for regime in graph.regimes {
            verdicts.append(verdict(regime, &evaluation, measure: measure))
            obligations += dueObligations(regime, &evaluation)
        }
        return Classification(measureID: measure.id, file: measure.file, asOf: asOf, verdicts: verdicts, obligations: obligations)
    }

    /// Which verdict rules of a regime apply: a rule applies when its condition holds, it is in force,
    /// and none of its blockers applies (Kleene logic throughout).
    /// The result is indexed by rule; rules outside the regime's order are false.
    func applications(_ regime: RuleGraph.Regime, _ evaluation: inout Evaluation) -> [TriValue] {
        var applies = [TriValue](repeating: .false, count: graph.rules.count)
        for r in regime.order {
            var value = evaluation.condition(of: r)
            if value != .false {
                for b in graph.rules[r].blockers {
                    value = and(value, !applies[b])
                    if value == .false { break }
                }
            }
            applies[r] = value
        }
        return applies
    }

    /// The category decided: the category of the applying verdict rules, or `nil` when undetermined.
    func decide(_ regime: RuleGraph.Regime, _ applies: [TriValue]) -> (category: String?, deciding: [Int], possible: [Int]) {
        var deciding: [Int] = [], possible: [Int] = []
        for r in regime.verdicts {
            switch applies[r] {
            case .true: deciding.append(r)
            case .unknown: possible.append(r)
            case .false: break
            }
        }
        guard let first = deciding.first, case .verdict(let category, _) = graph.rules[first].role else {
            return (nil, [], possible)
        }
        return (category, deciding, [])
    }

    private func verdict(_ regime: RuleGraph.Regime, _ evaluation: inout Evaluation, measure: Measure) -> RegimeVerdict {
        let applies = applications(regime, &evaluation)
        let (category, deciding, possible) = decide(regime, applies)
        let listed = category == nil ? possible : deciding
        var result = RegimeVerdict(
            regime: regime.name, category: category ?? "undetermined", grounds: [], exemption: nil,
            rules: listed.map { graph.rules[$0].id },
            citations: unique(listed.map { graph.rules[$0].definition.citation.text }),
            questions: [], exemptionQuestions: [], factsRead: [], considered: [], unverified: [], locate: nil)
        for r in deciding {
            if case .verdict(_, let ground?) = graph.rules[r].role, !result.grounds.contains(ground) { result.grounds.append(ground) }
        }
        result.factsRead = factsRead(listed, measure: measure)
        result.locate = locate(listed, measure: measure, facts: result.factsRead)
        result.considered = Explanation(graph: graph).considered(for: deciding, &evaluation)
        if category == nil {
            result.questions = QuestionRanking(graph: graph, classifier: self)
                .rank(regime: regime, facts: evaluation.facts, asOf: evaluation.asOf, candidates: possible)
        } else {
            applyExemption(regime, deciding: deciding, &evaluation, into: &result)
        }
        result.notes = notes(regime, &evaluation)
        var verifiedCheck = listed
        if let e = result.exemption, let i = graph.ruleIndex[e.rule] { verifiedCheck.append(i) }
        result.unverified = verifiedCheck.filter { !graph.rules[$0].definition.citation.verified }.map { graph.rules[$0].id }
        return result
    }

    private func applyExemption(
        _ regime: RuleGraph.Regime, deciding: [Int], _ evaluation: inout Evaluation, into result: inout RegimeVerdict
    ) {
        for e in regime.exemptions where graph.rules[e].suspends.contains(where: deciding.contains) {
            var value = evaluation.condition(of: e)
            guard value != .false else { continue }
            let end = ExemptionWindow(graph: graph).end(of: e, facts: evaluation.facts)
            if let known = end.known, evaluation.asOf >= known {
                value = .false
            } else if end.unknownFacts, value == .true {
                value = .unknown
            }
            switch value {
            case .true:
                let citation = graph.rules[e].definition.citation
                result.exemption = ExemptionFinding(
                    rule: graph.rules[e].id, until: end.known, citation: citation.text, verified: citation.verified)
                result.exemptionQuestions = []
                return
            case .unknown:
                result.exemptionQuestions += QuestionRanking(graph: graph, classifier: self)
                    .openFacts(of: [e], facts: evaluation.facts)
            case .false:
                break
            }
        }
    }

    private func notes(_ regime: RuleGraph.Regime, _ evaluation: inout Evaluation) -> [AdviceNote] {
        var out: [AdviceNote] = []
        for n in regime.notes where evaluation.condition(of: n) == .true {
            guard case .note(let text) = graph.rules[n].role else { continue }
            let met = alternatives(in: graph.rules[n].condition).filter { evaluation.condition(of: $0) == .true }
                .map { graph.rules[$0].definition.title }
            out.append(AdviceNote(rule: graph.rules[n].id, text: text,
                                  citation: graph.rules[n].definition.citation.text, met: met))
        }
        return out
    }

    /// Predicates a condition offers as alternatives (the rules inside its `any` parts): the criteria.
    private func alternatives(in root: Int) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            switch graph.nodes[i] {
            case .all(let c): stack += c
            case .not(let c): stack.append(c)
            case .any(let c):
                for child in c {
                    if case .rule(let r) = graph.nodes[child] { if !out.contains(r) { out.append(r) } } else { stack.append(child) }
                }
            default: break
            }
        }
        return out.sorted()
    }

    private func dueObligations(_ regime: RuleGraph.Regime, _ evaluation: inout Evaluation) -> [ObligationDue] {
        var out: [ObligationDue] = []
        for o in regime.obligations where evaluation.condition(of: o) == .true {
            guard case .obligation(let kind, let c) = graph.rules[o].role, c >= 0 else { continue }
            let next = nextDue.next(graph.calendars, c, onOrAfter: evaluation.asOf)
            out.append(ObligationDue(
                regime: regime.name, kind: kind, rule: graph.rules[o].id,
                citation: graph.rules[o].definition.citation.text, nextDue: next?.due, covers: next?.covers))
        }
        return out
    }

    private func factsRead(_ rules: [Int], measure: Measure) -> [FactRead] {
        var slots = Set<Int>()
        for r in rules { slots.formUnion(graph.rules[r].reads) }
        return slots.sorted().map { slot in
            let path = graph.factPaths[slot]
            let fact = measure[path]
            return FactRead(path: path, fact: fact.value, range: fact.range)
        }
    }

    private func locate(_ rules: [Int], measure: Measure, facts: [FactRead]) -> FactRead? {
        for r in rules {
            if let path = graph.rules[r].definition.locate {
                let fact = measure[path]
                return FactRead(path: path, fact: fact.value, range: fact.range ?? measure.range)
            }
        }
        return facts.first { $0.range != nil }
    }

    private func unique(_ items: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items where !out.contains(item) { out.append(item) }
        return out
    }
}

/// Kleene conjunction.
func and(_ a: TriValue, _ b: TriValue) -> TriValue {
    if a == .false || b == .false { return .false }
    if a == .unknown || b == .unknown { return .unknown }
    return .true
}

/// How fact values are shown in explanations.
public enum FactText {
    public static func describe(_ value: FactValue) -> String {
        switch value {
        case .unknown: "unknown"
        case .bool(let b): b ? "true" : "false"
        case .text(let t): t
        case .list(let items): "[" + items.joined(separator: ", ") + "]"
        case .date(let d): d.description
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        }
    }
}
