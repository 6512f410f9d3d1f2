public import Measures
public import RuleCompiler

/// Classifies measures: a pure function of (graph, facts, as-of date) to verdicts with their proof.
public struct Classifier: Sendable {
    public let graph: RuleGraph
    let plan: EnginePlan
    private let workspaces = WorkspacePool()

    public init(graph: RuleGraph) {
        self.graph = graph
        self.plan = EnginePlan(graph: graph)
    }

    /// Classifies one measure under every regime.
    public func classify(_ measure: Measure, asOf: CalendarDate) -> Classification {
        let held = workspaces.take()
        defer { workspaces.give(held) }
        return classify(measure, asOf: asOf, in: &held.workspace)
    }

    private func classify(_ measure: Measure, asOf: CalendarDate, in workspace: inout Workspace) -> Classification {
        var cells: [FactCell] = []
        swap(&cells, &workspace.cells)
        var evaluation = Evaluation(
            graph: graph, facts: FactVector(measure: measure, graph: graph, buffer: consume cells), asOf: asOf,
            memo: workspace.memo.take())
        var verdicts: [RegimeVerdict] = []
        verdicts.reserveCapacity(graph.regimes.count)
        var obligations: [ObligationDue] = []
        for (index, regime) in plan.regimes.enumerated() {
            verdicts.append(verdict(index, regime, &evaluation, measure: measure, &workspace))
            dueObligations(regime, &evaluation, &workspace, into: &obligations)
        }
        evaluation.recycle(into: &workspace)
        return Classification(measureID: measure.id, file: measure.file, asOf: asOf, verdicts: verdicts, obligations: obligations)
    }

    /// Which verdict rules of a regime apply: a rule applies when its condition holds, it is in force,
    /// and none of its blockers applies (Kleene logic throughout).
    /// `applies` is indexed by rule; rules outside the regime's order are false.
    func applications(_ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, into applies: inout [TriValue]) {
        Workspace.reset(&applies, to: .false, count: graph.rules.count)
        // The rules found to apply, and those that may, as bits: a rule's blockers are one test per word.
        let width = plan.blockerSets.width
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * width) { bits in
            bits.initialize(repeating: 0)
            let yes = bits.baseAddress!, maybe = yes + width
            rules: for r in regime.order {
                // A rule that a blocker stops does not apply, whatever its condition: it is not evaluated.
                var unblocked = TriValue.true
                let blockers = plan.blockerSets[r]
                for w in 0..<width where blockers[w] != 0 {
                    if blockers[w] & yes[w] != 0 { continue rules }
                    if blockers[w] & maybe[w] != 0 { unblocked = .unknown }
                }
                let value = and(evaluation.condition(of: r), unblocked)
                applies[r] = value
                let bit: UInt64 = 1 << UInt64(r % 64)
                if value == .true { yes[r / 64] |= bit } else if value == .unknown { maybe[r / 64] |= bit }
            }
        }
    }

    /// The category decided: the category of the applying verdict rules, or `nil` when undetermined.
    /// `deciding` gets the applying verdict rules; `possible`, when none applies, those that may.
    func decide(_ regime: EnginePlan.Regime, _ applies: [TriValue], deciding: inout [Int], possible: inout [Int]) -> String? {
        Workspace.clear(&deciding)
        Workspace.clear(&possible)
        for r in regime.verdicts {
            switch applies[r] {
            case .true: deciding.append(r)
            case .unknown: possible.append(r)
            case .false: break
            }
        }
        guard let first = deciding.first, let category = plan.categories[first] else {
            Workspace.clear(&deciding)
            return nil
        }
        Workspace.clear(&possible)
        return category
    }

    /// The verdict of one regime, with the workspace's lists lent out. Two functions rather than a
    /// `defer`: every copy of a list made for the verdict (`listed`) is gone when the lists go back,
    /// so the next measure reuses their storage instead of copying it.
    private func verdict(
        _ index: Int, _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, measure: Measure, _ workspace: inout Workspace
    ) -> RegimeVerdict {
        var applies: [TriValue] = [], deciding: [Int] = [], possible: [Int] = []
        swap(&applies, &workspace.applies)
        swap(&deciding, &workspace.deciding)
        swap(&possible, &workspace.possible)
        let result = verdict(
            index, regime, &evaluation, measure: measure, &workspace, applies: &applies, deciding: &deciding, possible: &possible)
        swap(&applies, &workspace.applies)
        swap(&deciding, &workspace.deciding)
        swap(&possible, &workspace.possible)
        return result
    }

    /// The verdict, with the workspace's applications and verdict-rule lists lent out.
    private func verdict(
        _ index: Int, _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, measure: Measure, _ workspace: inout Workspace,
        applies: inout [TriValue], deciding: inout [Int], possible: inout [Int]
    ) -> RegimeVerdict {
        applications(regime, &evaluation, into: &applies)
        var category = decide(regime, applies, deciding: &deciding, possible: &possible)
        // The rare path: no rule applies. Whether every answer to the open facts leads to one
        // category (settled before undetermined, ``ReferenceEvaluator`` step 5).
        let settling = Settling(classifier: self, regime: regime, asOf: evaluation.asOf)
        var settled: Settling.Summary?
        if category == nil {
            let summary = settling.summary(evaluation.facts)
            if let settledCategory = summary.category {
                category = settledCategory
                settled = summary
                deciding = summary.deciding
                possible = possible.filter { plan.categories[$0] == settledCategory }
            }
        }
        let decidedNow = category != nil && (settled == nil || !deciding.isEmpty)
        let listed = decidedNow ? deciding : possible
        let listing = workspace.listings.listing(listed, decided: decidedNow, plan: plan)
        var unverified = listing.unverified
        let read = factsRead(listed, measure: measure)
        let considered = Explanation(graph: graph, plan: plan).considered(for: deciding, &evaluation, &workspace)
        var questions: [Question] = []
        var exemption: (finding: ExemptionFinding?, questions: [Question]) = (nil, [])
        if category == nil {
            questions = QuestionRanking(graph: graph, plan: plan)
                .rank(regime: index, &evaluation, baseline: applies, candidates: possible, &workspace)
        } else {
            exemption = self.exemption(regime, deciding: deciding, &evaluation, &workspace)
        }
        if category == nil, questions.isEmpty {
            // No unknown fact can decide it: ask for the facts given too broadly (an HS code).
            questions = settling.imprecise(evaluation.facts, applies).map { slot in
                let reader = regime.order.first { applies[$0] == .unknown && plan.reads[$0].contains(slot) }
                return Question(fact: graph.factPaths[slot], question: plan.questions[slot],
                                rule: reader.map { plan.ids[$0] } ?? "", settles: false)
            }
        }
        if let summary = settled {
            // Settled: the facts that could still add a ground or change the exemption, in contract order.
            let asked = SlotSet(exemption.questions.compactMap { graph.factSlots[$0.fact] })
            questions = settling.settledQuestions(summary, evaluation.facts, asked: asked).map { slot in
                let reader = regime.order.first { applies[$0] == .unknown && plan.reads[$0].contains(slot) }
                return Question(fact: graph.factPaths[slot], question: plan.questions[slot],
                                rule: reader.map { plan.ids[$0] } ?? "", settles: false)
            }
        }
        // Every question says what each of its answers gives alone.
        for i in questions.indices {
            questions[i].outcomes = settling.outcomes(graph.factSlots[questions[i].fact]!, evaluation.facts)
        }
        for i in exemption.questions.indices {
            exemption.questions[i].outcomes = settling.outcomes(graph.factSlots[exemption.questions[i].fact]!, evaluation.facts)
        }
        if let e = exemption.finding, !e.verified { unverified.append(e.rule) }
        return RegimeVerdict(
            regime: regime.name, category: category ?? "undetermined", grounds: listing.grounds, exemption: exemption.finding,
            rules: listing.rules, citations: listing.citations, questions: questions,
            exemptionQuestions: exemption.questions, factsRead: read, considered: considered, unverified: unverified,
            locate: locate(listed, measure: measure, facts: read), notes: notes(regime, &evaluation))
    }

    /// The exemption that suspends the deciding rules, or the unknown facts that would decide whether one does.
    private func exemption(
        _ regime: EnginePlan.Regime, deciding: [Int], _ evaluation: inout Evaluation, _ workspace: inout Workspace
    ) -> (finding: ExemptionFinding?, questions: [Question]) {
        // The exemptions that suspend a deciding rule, as bits: one test per exemption of the regime.
        let width = plan.suspendedBy.width
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: width) { suspending in
            suspending.initialize(repeating: 0)
            for d in deciding {
                for w in 0..<width { suspending[w] |= plan.suspendedBy[d][w] }
            }
            var questions: [Question] = []
            for e in regime.exemptions where suspending[e / 64] & (1 << UInt64(e % 64)) != 0 {
                var value = evaluation.condition(of: e)
                guard value != .false else { continue }
                let end = plan.windows[e].end(facts: evaluation.facts)
                if let known = end.known, evaluation.asOf >= known {
                    value = .false
                } else if end.unknownFacts, value == .true {
                    value = .unknown
                }
                switch value {
                case .true:
                    let finding = ExemptionFinding(
                        rule: plan.ids[e], until: end.known, citation: plan.citations[e], verified: plan.verified[e])
                    return (finding, [])
                case .unknown:
                    questions += QuestionRanking(graph: graph, plan: plan).openFacts(of: [e], facts: evaluation.facts, &workspace)
                case .false:
                    break
                }
            }
            return (nil, questions)
        }
    }

    private func notes(_ regime: EnginePlan.Regime, _ evaluation: inout Evaluation) -> [AdviceNote] {
        var out: [AdviceNote] = []
        for n in regime.notes where evaluation.condition(of: n) == .true {
            guard let text = plan.noteTexts[n] else { continue }
            let met = plan.alternatives[n].filter { evaluation.condition(of: $0) == .true }
                .map { plan.titles[$0] }
            out.append(AdviceNote(rule: plan.ids[n], text: text, citation: plan.citations[n], met: met))
        }
        return out
    }

    /// The notifications the measure triggers, with their next due dates. An obligation's entry
    /// depends only on the rule and the date, so each workspace works it out once per date.
    private func dueObligations(
        _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, _ workspace: inout Workspace, into out: inout [ObligationDue]
    ) {
        if workspace.duesDay != evaluation.asOfDay || workspace.dues.count != graph.rules.count {
            workspace.dues = [ObligationDue?](repeating: nil, count: graph.rules.count)
            workspace.duesDay = evaluation.asOfDay
        }
        for o in regime.obligations where evaluation.condition(of: o) == .true {
            if let due = workspace.dues[o] {
                out.append(due)
                continue
            }
            guard let (kind, c) = plan.obligations[o] else { continue }
            let next = CalendarSchedule.next(graph.calendars[c], onOrAfter: evaluation.asOf)
            let due = ObligationDue(
                regime: regime.name, kind: kind, rule: plan.ids[o],
                citation: plan.citations[o], nextDue: next?.due, covers: next?.covers)
            workspace.dues[o] = due
            out.append(due)
        }
    }

    private func factsRead(_ rules: [Int], measure: Measure) -> [FactRead] {
        var slots = SlotSet()
        for r in rules { slots.formUnion(plan.reads[r]) }
        var out: [FactRead] = []
        out.reserveCapacity(slots.count)
        slots.forEach { slot in
            let fact = measure.fact(slot: slot)
            out.append(FactRead(path: graph.factPaths[slot], fact: fact.value, range: fact.range))
        }
        return out
    }

    private func locate(_ rules: [Int], measure: Measure, facts: [FactRead]) -> FactRead? {
        for r in rules {
            let slot = plan.locate[r]
            // (A `locate` that names no fact of the contract is a compile error.)
            if slot >= 0 {
                let fact = measure.fact(slot: slot)
                return FactRead(path: graph.factPaths[slot], fact: fact.value, range: fact.range ?? measure.range)
            }
        }
        return facts.first { $0.range != nil }
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
        TextBuilder.text { describe(value, into: &$0) }
    }

    static func describe(_ value: FactValue, into out: inout TextBuilder) {
        switch value {
        case .unknown: out.append("unknown")
        case .bool(let b): out.append(b ? "true" : "false")
        case .text(let t): out.append(t)
        case .list(let items):
            out.append("[")
            out.append(items, separator: ", ")
            out.append("]")
        case .date(let d): out.append(d)
        case .number(let n): out.append(n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n))
        }
    }
}
