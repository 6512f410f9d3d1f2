import Measures
import RuleCompiler

/// Finds the unknown facts that would decide an undetermined verdict, best first: facts any answer
/// to which settles the verdict on its own come first, then those that settle it for more of
/// their possible answers, then the rest in contract order.
struct QuestionRanking {
    let graph: RuleGraph
    let classifier: Classifier

    func rank(regime: RuleGraph.Regime, facts: FactVector, asOf: CalendarDate, candidates: [Int]) -> [Question] {
        var baselineEvaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
        let baseline = classifier.applications(regime, &baselineEvaluation)
        // Kleene logic is monotone: a condition that is already true or false stays so whatever the
        // unknown facts turn out to be, so only the facts of undecided conditions can matter.
        var slots = Set<Int>()
        for r in regime.order where baselineEvaluation.condition(of: r) == .unknown {
            slots.formUnion(graph.rules[r].reads)
        }
        let open = slots.filter { facts[$0] == .unknown }.sorted()
        var scored: [(slot: Int, ratio: Double, all: Bool)] = []
        for slot in open {
            let answers = domain(slot, asOf: asOf)
            guard !answers.isEmpty else { continue }
            var settled = 0
            var relevant = false
            let affected = graph.rules.indices.filter { graph.rules[$0].reads.contains(slot) }
            for answer in answers {
                // Only the rules that read this fact can change: the others keep their values.
                var evaluation = baselineEvaluation.changing(slot, to: answer, affecting: affected)
                let applies = classifier.applications(regime, &evaluation)
                if classifier.decide(regime, applies).category != nil { settled += 1 }
                if applies != baseline { relevant = true }
            }
            // A fact no answer to which changes any rule's outcome is not a question worth asking.
            guard relevant else { continue }
            scored.append((slot, Double(settled) / Double(answers.count), settled == answers.count))
        }
        scored.sort { a, b in
            if a.all != b.all { return a.all }
            if a.ratio != b.ratio { return a.ratio > b.ratio }
            return a.slot < b.slot
        }
        let scope = closure(candidates + regime.order)
        return scored.map { question(slot: $0.slot, settles: $0.all, scope: scope) }
    }

    /// The unknown facts the given rules read, as questions (unranked, in contract order).
    func openFacts(of rules: [Int], facts: FactVector) -> [Question] {
        var slots = Set<Int>()
        for r in rules { slots.formUnion(graph.rules[r].reads) }
        let scope = closure(rules)
        return slots.filter { facts[$0] == .unknown }.sorted().map { question(slot: $0, settles: false, scope: scope) }
    }

    private func question(slot: Int, settles: Bool, scope: [Int]) -> Question {
        let path = graph.factPaths[slot]
        // The rule nearest to the undecided verdicts that reads the fact itself.
        let rule = scope.first { graph.rules[$0].directReads.contains(slot) }
        let text = MeasureSchema.factFields.first { $0.path == path }?.field.question ?? "What is '\(path)'?"
        return Question(fact: path, question: text, rule: rule.map { graph.rules[$0].id } ?? "", settles: settles)
    }

    /// The rules and every predicate they depend on, nearest first (breadth-first from the roots).
    private func closure(_ roots: [Int]) -> [Int] {
        var seen = Set<Int>()
        var order: [Int] = []
        var queue = roots
        var next = 0
        while next < queue.count {
            let r = queue[next]
            next += 1
            guard seen.insert(r).inserted else { continue }
            order.append(r)
            queue += graph.rules[r].dependsOn
        }
        return order
    }

    /// The answers tried for a fact: those the graph prepared, and for dates the evaluation date
    /// and the day before it.
    private func domain(_ slot: Int, asOf: CalendarDate) -> [FactValue] {
        var answers = graph.answers[slot]
        let field = MeasureSchema.factFields.first { $0.path == graph.factPaths[slot] }?.field
        if field?.type == .date {
            answers += [.date(asOf), .date(asOf.adding(days: -1))].filter { !answers.contains($0) }
        }
        return answers
    }

}
