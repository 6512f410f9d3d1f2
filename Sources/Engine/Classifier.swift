import FastPath
public import Measures
public import RuleCompiler

/// Classifies measures: a pure function of (graph, facts, as-of date) to verdicts with their proof.
public struct Classifier: Sendable {
    public let graph: RuleGraph
    let plan: EnginePlan
    private let workspaces = WorkspacePool()
    /// The slots of `period.from` and `period.until` (-1: not facts of the graph).
    private let periodSlots: (from: Int, until: Int)
    /// Per obligation rule, when its value may change with the date alone (a past due date reuses
    /// today's value).
    private let changes: [DateChanges?]

    /// The most answer combinations a settled verdict tries at once (``Settling``); tests lower it
    /// to make the breadth-first search (``LaneSearch``) do the work.
    let combinationLimit: Int
    /// The most partial answers a settling search explores (``Settling/searchBudget``); tests lower it.
    let searchBudget: Int

    public init(graph: RuleGraph) {
        self.init(graph: graph, combinationLimit: Settling.combinationLimit)
    }

    init(graph: RuleGraph, combinationLimit: Int, searchBudget: Int = Settling.searchBudget) {
        self.combinationLimit = combinationLimit
        self.searchBudget = searchBudget
        self.graph = graph
        let plan = EnginePlan(graph: graph)
        self.plan = plan
        self.periodSlots = (graph.factSlots["period.from"] ?? -1, graph.factSlots["period.until"] ?? -1)
        let dateSlots = plan.isDate.indices.filter { plan.isDate[$0] }
        self.changes = graph.rules.indices.map { r in
            plan.obligations[r] == nil ? nil : DateChanges(graph: graph, rule: r, dateSlots: dateSlots)
        }
    }

    /// Classifies one measure under every regime. `detail` says what the caller reads: less than
    /// ``ClassificationDetail/full`` leaves out work only the rest needs (lint reads neither the
    /// questions' outcomes nor the explanations); the verdicts are the same.
    public func classify(_ measure: Measure, asOf: CalendarDate, detail: ClassificationDetail = .full) -> Classification {
        let held = workspaces.take()
        defer { workspaces.give(held) }
        return classify(measure, asOf: asOf, detail: detail, in: &held.value)
    }

    private func classify(_ measure: Measure, asOf: CalendarDate, detail: ClassificationDetail, in workspace: inout Workspace) -> Classification {
        var cells: [FactCell] = []
        swap(&cells, &workspace.cells)
        var evaluation = Evaluation(
            graph: graph, facts: FactVector(measure: measure, graph: graph, buffer: consume cells), asOf: asOf,
            memo: workspace.memo.take())
        var verdicts: [RegimeVerdict] = []
        verdicts.reserveCapacity(graph.regimes.count)
        var obligations: [ObligationDue] = []
        for (index, regime) in plan.regimes.enumerated() {
            verdicts.append(verdict(index, regime, &evaluation, measure: measure, detail: detail, &workspace))
            dueObligations(regime, &evaluation, narrowed: detail.explanations, &workspace, into: &obligations)
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
        UncheckedMutableView.zeroed(2 * width) { bits in
            // Words 0..<width: the rules found to apply; width..<2 * width: those that may.
            rules: for r in regime.order {
                // A rule that a blocker stops does not apply, whatever its condition: it is not evaluated.
                var unblocked = TriValue.true
                let blockers = plan.blockerSets[r]
                for w in 0..<width where blockers[w] != 0 {
                    if blockers[w] & bits[w] != 0 { continue rules }
                    if blockers[w] & bits[width + w] != 0 { unblocked = .unknown }
                }
                let value = and(evaluation.condition(of: r), unblocked)
                applies[r] = value
                let bit: UInt64 = 1 << UInt64(r % 64)
                if value == .true { bits[r / 64] |= bit } else if value == .unknown { bits[width + r / 64] |= bit }
            }
        }
    }

    /// The category decided: the category of the applying verdict rules, or `nil` when undetermined.
    /// `deciding` gets the applying verdict rules; `possible`, when none applies, those that may.
    func decide(_ regime: EnginePlan.Regime, _ applies: [TriValue], deciding: inout [Int], possible: inout [Int]) -> Category? {
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
        _ index: Int, _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, measure: Measure, detail: ClassificationDetail,
        _ workspace: inout Workspace
    ) -> RegimeVerdict {
        var applies: [TriValue] = [], deciding: [Int] = [], possible: [Int] = []
        swap(&applies, &workspace.applies)
        swap(&deciding, &workspace.deciding)
        swap(&possible, &workspace.possible)
        let result = verdict(
            index, regime, &evaluation, measure: measure, detail: detail, &workspace,
            applies: &applies, deciding: &deciding, possible: &possible)
        swap(&applies, &workspace.applies)
        swap(&deciding, &workspace.deciding)
        swap(&possible, &workspace.possible)
        return result
    }

    /// The verdict, with the workspace's applications and verdict-rule lists lent out.
    private func verdict(
        _ index: Int, _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, measure: Measure, detail: ClassificationDetail,
        _ workspace: inout Workspace, applies: inout [TriValue], deciding: inout [Int], possible: inout [Int]
    ) -> RegimeVerdict {
        applications(regime, &evaluation, into: &applies)
        var category = decide(regime, applies, deciding: &deciding, possible: &possible)
        // The rare path: no rule applies. Whether every answer to the open facts leads to one
        // category (settled before undetermined, ``ReferenceEvaluator`` step 5).
        // (Made only for the verdicts that need it: most are decided at once and ask nothing.)
        var settling = category == nil ? Settling(classifier: self, regime: regime, asOf: evaluation.asOf, baseline: applies, immediate: nil) : nil
        var settled: Settling.Summary?
        if category == nil {
            settling!.outcomesWanted = detail.outcomes
            let summary = settling!.summary(&evaluation, &workspace)
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
        let read = detail.explanations ? factsRead(listed, measure: measure) : []
        let considered = detail.explanations ? Explanation(graph: graph, plan: plan).considered(for: deciding, &evaluation, &workspace) : []
        var questions: [Question] = []
        var exemption: (finding: ExemptionFinding?, questions: [Question]) = (nil, [])
        if category == nil {
            questions = QuestionRanking(graph: graph, plan: plan)
                .rank(regime: index, &evaluation, baseline: applies, candidates: possible, &workspace)
        } else {
            exemption = self.exemption(regime, deciding: deciding, &evaluation, questions: detail.explanations, &workspace)
        }
        if category == nil, questions.isEmpty {
            // No unknown fact can decide it: ask for the facts given too broadly (an HS code).
            questions = settling!.imprecise(evaluation.facts).map { slot in
                let reader = regime.order.first { applies[$0] == .unknown && plan.reads[$0].contains(slot) }
                return Question(fact: graph.factPaths[slot], question: plan.questions[slot],
                                rule: reader.map { plan.ids[$0] } ?? "", settles: false)
            }
        }
        if let summary = settled, detail.explanations {
            // Settled: the facts that could still add a ground or change the exemption, in contract order.
            let asked = SlotSet(exemption.questions.compactMap { graph.factSlots[$0.fact] })
            questions = settling!.settledQuestions(summary, asked: asked, &evaluation, &workspace).map { slot in
                let reader = regime.order.first { applies[$0] == .unknown && plan.reads[$0].contains(slot) }
                return Question(fact: graph.factPaths[slot], question: plan.questions[slot],
                                rule: reader.map { plan.ids[$0] } ?? "", settles: false)
            }
        }
        // Every question says what each of its answers gives alone (worked out for all at once).
        if detail.outcomes, !questions.isEmpty || !exemption.questions.isEmpty {
            if settling == nil { settling = Settling(classifier: self, regime: regime, asOf: evaluation.asOf, baseline: applies, immediate: category) }
            settling!.prepare((questions + exemption.questions).map { graph.factSlots[$0.fact]! }, &evaluation, &workspace)
            for i in questions.indices {
                questions[i].outcomes = settling!.outcomes(graph.factSlots[questions[i].fact]!, &evaluation, &workspace)
            }
            for i in exemption.questions.indices {
                exemption.questions[i].outcomes = settling!.outcomes(graph.factSlots[exemption.questions[i].fact]!, &evaluation, &workspace)
            }
        }
        if let e = exemption.finding, !e.verified { unverified.append(e.rule) }
        return RegimeVerdict(
            regime: regime.id, category: category ?? .undetermined, grounds: listing.grounds, exemption: exemption.finding,
            rules: listing.rules, citations: listing.citations, questions: questions,
            exemptionQuestions: exemption.questions, factsRead: read, considered: considered, unverified: unverified,
            locate: locate(listed, measure: measure, facts: detail.explanations ? read : nil),
            notes: detail.explanations ? notes(regime, &evaluation) : [])
    }

    /// The exemption that suspends the deciding rules, or the unknown facts that would decide
    /// whether one does (with `questions`; else none).
    private func exemption(
        _ regime: EnginePlan.Regime, deciding: [Int], _ evaluation: inout Evaluation, questions asked: Bool, _ workspace: inout Workspace
    ) -> (finding: ExemptionFinding?, questions: [Question]) {
        // The exemptions that suspend a deciding rule, as bits: one test per exemption of the regime.
        let width = plan.suspendedBy.width
        return UncheckedMutableView.zeroed(width) { suspending in
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
                    guard asked else { continue }
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

    /// The notifications the measure owes for the periods in which it grants support: per
    /// obligation rule that applies or may apply, the last period due before the date (`overdue`)
    /// and the first due on or after it (`due`), each when the measure grants support in the period
    /// it covers; `conditional` when the rule, or `period.from`, is unknown. Without a measure's
    /// period the two deadlines depend only on the rule and the date, so each workspace works them
    /// out once per date. With `narrowed` false, a conditional entry lists every unknown fact its
    /// rule reads instead of those that decide it (no answer is tried; ``ClassificationDetail``).
    private func dueObligations(
        _ regime: EnginePlan.Regime, _ evaluation: inout Evaluation, narrowed: Bool, _ workspace: inout Workspace,
        into out: inout [ObligationDue]
    ) {
        if workspace.duesDay != evaluation.asOfDay || workspace.dues.count != graph.rules.count {
            workspace.dues = [CalendarDues?](repeating: nil, count: graph.rules.count)
            workspace.duesDay = evaluation.asOfDay
        }
        let granting = grantingPeriod(evaluation.facts)
        for o in regime.obligations {
            guard let (kind, c) = plan.obligations[o] else { continue }
            let holds = evaluation.condition(of: o)
            // A rule no longer in force may still owe its last period due before the date.
            guard holds != .false || !evaluation.inForce(o) else { continue }
            // (The calendar is read only when a date must be worked out: copying it costs a
            // reference count per field.)
            if workspace.dues[o] == nil {
                workspace.dues[o] = CalendarDues(
                    last: CalendarSchedule.last(graph.calendars[c], before: evaluation.asOf),
                    next: CalendarSchedule.first(graph.calendars[c], onOrAfter: evaluation.asOf, granting: .always))
            }
            if holds == .false, workspace.dues[o]?.last == nil { continue }
            let dues = workspace.dues[o]!
            let overdue = dues.last.flatMap { granting.overlaps(start: $0.periodStart, end: $0.periodEnd) ? $0 : nil }
            var upcoming = dues.next
            if holds != .false, let next = upcoming, !granting.overlaps(start: next.periodStart, end: next.periodEnd) {
                upcoming = CalendarSchedule.first(graph.calendars[c], onOrAfter: evaluation.asOf, granting: granting)
            }
            // The unknown facts the rule turns on today, worked out once (for both entries).
            var factsToday: [String]?
            func owe(_ deadline: Deadline, past: Bool, holds: TriValue, asToday: Bool) {
                // A duty that hangs on unknown facts, or on whether the measure grants in the period.
                var conditionalOn: [String] = []
                if holds == .unknown {
                    if !narrowed {
                        conditionalOn = openFacts(of: o, evaluation.facts)
                    } else if !asToday {
                        conditionalOn = conditionFacts(of: o, on: deadline.due, evaluation.facts, &workspace)
                    } else if let known = factsToday {
                        conditionalOn = known
                    } else {
                        conditionalOn = conditionFacts(of: o, on: evaluation.asOf, evaluation.facts, &workspace)
                        factsToday = conditionalOn
                    }
                }
                if granting.from == nil, periodSlots.from >= 0, !conditionalOn.contains(graph.factPaths[periodSlots.from]) {
                    conditionalOn.append(graph.factPaths[periodSlots.from])
                }
                out.append(ObligationDue(
                    regime: regime.id, kind: kind, rule: plan.ids[o], citation: plan.citations[o],
                    covers: deadline.covers, due: deadline.due,
                    status: !conditionalOn.isEmpty ? .conditional : past ? .overdue : .due,
                    conditionalOn: conditionalOn, past: past))
            }
            // A past duty is owed when the rule applied on its due date (the law and the member's
            // accession as they were then); today's value serves when nothing changed in between.
            if let overdue {
                let same = changes[o]?.same(overdue.due, evaluation.asOf, facts: evaluation.facts) ?? false
                let then = same ? holds : condition(of: o, on: overdue.due, evaluation.facts, &workspace)
                if then != .false { owe(overdue, past: true, holds: then, asToday: same) }
            }
            if let upcoming, holds != .false { owe(upcoming, past: false, holds: holds, asToday: true) }
        }
    }

    /// The measure's `period.from`..`period.until`; an unknown bound is open.
    private func grantingPeriod(_ facts: FactVector) -> GrantingPeriod {
        func date(_ slot: Int) -> CalendarDate? {
            if slot >= 0, case .date(let d) = facts[slot] { return d }
            return nil
        }
        return GrantingPeriod(from: date(periodSlots.from), lastDay: date(periodSlots.until))
    }

    /// A rule's condition on another date than the evaluation's, for the same facts.
    private func condition(of rule: Int, on date: CalendarDate, _ facts: FactVector, _ workspace: inout Workspace) -> TriValue {
        var then = Evaluation(graph: graph, facts: facts, asOf: date, memo: workspace.pastMemo.take())
        let value = then.condition(of: rule)
        workspace.pastMemo = then.takeMemo()
        return value
    }

    /// The unknown facts a rule reads, in slot order.
    private func openFacts(of rule: Int, _ facts: FactVector) -> [String] {
        plan.reads[rule].intersection(facts.unknownSlots).sorted.map { graph.factPaths[$0] }
    }

    /// The unknown facts an obligation rule turns on, on `date`: those it reads of which some answer
    /// alone decides it (all of its unknown facts when no single one does; so none exactly when it
    /// reads no unknown fact, as ``openFacts(of:_:)``).
    func conditionFacts(of rule: Int, on date: CalendarDate, _ facts: FactVector, _ workspace: inout Workspace) -> [String] {
        let open = plan.reads[rule].intersection(facts.unknownSlots).sorted
        // One unknown fact is the one the rule turns on: no trial needed.
        guard open.count > 1 else { return open.map { graph.factPaths[$0] } }
        // Every answer to every open fact is a world; up to 64 worlds are evaluated at once. A fact
        // without answers to try counts as deciding.
        var worlds: [AnswerWorld] = []
        var decides = SlotSet()
        for slot in open {
            if plan.answers[slot].isEmpty { decides.insert(slot) }
            for answer in plan.answers[slot] {
                worlds.append(AnswerWorld(slot: slot, value: answer.value, cell: answer.cell, worlds: 1 << UInt64(worlds.count % 64)))
            }
        }
        var then = Evaluation(graph: graph, facts: facts, asOf: date, memo: workspace.pastMemo.take())
        let pass = AnswerWorlds(graph: graph, plan: plan)
        var start = 0
        while start < worlds.count {
            let chunk = worlds[start..<min(start + 64, worlds.count)]
            let value = pass.condition(of: rule, chunk, worlds: chunk.count, &then, &workspace)
            // A world in which the rule's condition is known decides it.
            for (w, world) in chunk.enumerated() where (value.yes | value.no) & (1 << UInt64(w)) != 0 {
                decides.insert(world.slot)
            }
            start += 64
        }
        workspace.pastMemo = then.takeMemo()
        let deciding = open.filter { decides.contains($0) }
        return (deciding.isEmpty ? open : deciding).map { graph.factPaths[$0] }
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

    /// The fact a finding points at: the first listed rule's `locate` fact, else the first fact
    /// read with a range (`facts`, when worked out already).
    private func locate(_ rules: [Int], measure: Measure, facts: [FactRead]?) -> FactRead? {
        for r in rules {
            let slot = plan.locate[r]
            // (A `locate` that names no fact of the contract is a compile error.)
            if slot >= 0 {
                let fact = measure.fact(slot: slot)
                return FactRead(path: graph.factPaths[slot], fact: fact.value, range: fact.range ?? measure.range)
            }
        }
        return (facts ?? factsRead(rules, measure: measure)).first { $0.range != nil }
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
