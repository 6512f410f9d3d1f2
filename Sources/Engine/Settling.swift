import Measures
import RuleCompiler

/// Settled before undetermined, and question outcomes, on the compiled program: what
/// ``ReferenceEvaluator`` specifies (steps 5–9 of its documentation), for one regime's verdict.
///
/// The verdict's open facts are answered in every combination of their answers at once, 64
/// combinations to a pass of ``AnswerWorlds`` (``Combinations``): the categories they lead to
/// settle the verdict, and, per answer to each open fact, what that answer alone can lead to (the
/// category of a question's outcome). The rest of an outcome (its grounds and exemption) comes
/// from one more pass over the worlds that answer one fact each. When the combinations are too
/// many, the answers are searched one combination at a time (``Search``), as the reference does.
struct Settling {
    let classifier: Classifier
    let regime: EnginePlan.Regime
    let asOf: CalendarDate
    /// The regime's applications on the measure, and the category they decide (`nil`: none).
    let baseline: [TriValue]
    let immediate: Category?
    /// Whether the outcomes of answers will be asked for (``outcomes(_:_:_:)``): without them, the
    /// combinations of an undetermined verdict stop at its second category.
    var outcomesWanted = true
    private var graph: RuleGraph { classifier.graph }
    private var plan: EnginePlan { classifier.plan }
    /// The open facts (``Search/open(_:_:)`` on the measure) and their answers, in slot order.
    private var open: [Int] = []
    private var domains: [[EnginePlan.Answer]] = []
    /// What the combinations lead to; `nil` when they were too many to try (or not tried).
    private var combinations: Combinations?
    /// The categories the answers lead to (bits), and whether they are all of them (a search stops
    /// at two); `nil` until ``summary(_:_:)`` worked them out.
    private var reached: (categories: UInt8, all: Bool)?
    /// Per fact slot, the summary of each answer alone, once worked out.
    private var worlds: [[Summary]?] = []

    /// A verdict without its questions: category (`nil`: undetermined), deciding rules, exemption,
    /// and whether an exemption may still apply.
    struct Summary {
        var category: Category?
        var deciding: [Int]
        var exemption: ExemptionFinding?
        var exemptionOpen: Bool
    }

    /// The most combinations tried at once (in passes of 64); beyond, ``LaneSearch``. (The
    /// classifier's `combinationLimit`, which tests lower.)
    static let combinationLimit = 1024

    /// The most partial answers a search explores (``LaneSearch``, ``SettlingSearch``) before it
    /// gives up. The search is exponential in the open facts; past the budget the verdict stays
    /// `undetermined`, with its questions (never a settled category the search did not prove), so
    /// that no measure can hang a command. The reference evaluator has no such limit.
    static let searchBudget = 1 << 15

    /// What a search cut short reports: two categories, so the verdict (or the outcome) is undetermined.
    static let searchCut: Set<Category> = [.undetermined, .prohibited]
    /// Every category (bits).
    static let anyCategory = UInt8.max

    init(classifier: Classifier, regime: EnginePlan.Regime, asOf: CalendarDate, baseline: [TriValue], immediate: Category?) {
        self.classifier = classifier
        self.regime = regime
        self.asOf = asOf
        self.baseline = baseline
        self.immediate = immediate
    }

    private var search: Search { Search(classifier: classifier, regime: regime, asOf: asOf) }

    /// The answers tried for the fact in `slot` (``ReferenceEvaluator/domain(_:asOf:)``).
    func domain(_ slot: Int) -> [EnginePlan.Answer] {
        var answers = plan.answers[slot]
        if plan.isDate[slot] {
            for d in [asOf, asOf.adding(days: -1)] where !answers.contains(where: { $0.value == .date(d) }) {
                answers.append(EnginePlan.Answer(value: .date(d), cell: FactCell(date: d)))
            }
        }
        return answers
    }

    /// The verdict without questions, for a measure no verdict rule decides at once
    /// (``ReferenceEvaluator``'s `verdict(regime:_:questions: false)`).
    mutating func summary(_ evaluation: inout Evaluation, _ workspace: inout Workspace) -> Summary {
        precondition(immediate == nil)
        open = search.open(evaluation.facts, baseline)
        domains = open.map(domain)
        var size = 1
        for d in domains {
            size *= d.count
            if size > classifier.combinationLimit { break }
        }
        if size <= classifier.combinationLimit {
            let tried = Combinations(open: open, domains: domains, settling: self, stopAtTwo: !outcomesWanted, &evaluation, &workspace)
            // (Cut short at two categories, the table says nothing of each answer: not kept.)
            combinations = tried.complete ? tried : nil
            reached = (tried.categories, tried.complete)
        } else {
            var lanes = LaneSearch(settling: self, facts: evaluation.facts, within: Self.anyCategory)
            let found = lanes.run([LaneSearch.Start(slot: -1, answer: -1, value: .unknown, cell: .unknown)], &evaluation, &workspace)[0]
            reached = (found, found.nonzeroBitCount < 2)
        }
        guard let settled = Self.category(reached!.categories) else {
            return Summary(category: nil, deciding: [], exemption: nil, exemptionOpen: false)
        }
        // The grounds known so far: rules of the category that hold and that nothing but rules of
        // the same category might still block.
        let deciding = regime.verdicts.filter { r in
            plan.categories[r] == settled && evaluation.condition(of: r) == .true
                && graph.rules[r].blockers.allSatisfy { baseline[$0] == .false || plan.categories[$0] == settled }
        }
        let (exemption, open) = search.exemption(deciding, evaluation.facts)
        return Summary(category: settled, deciding: deciding, exemption: exemption, exemptionOpen: !open.isEmpty)
    }

    /// The category of a set of categories (bits), when it has exactly one.
    static func category(_ bits: UInt8) -> Category? {
        bits.nonzeroBitCount == 1 ? Category.allCases[bits.trailingZeroBitCount] : nil
    }

    /// The unknown facts that a rule of the regime whose application is unknown reads, with answers to try.
    func openFacts(_ facts: FactVector) -> [Int] { search.open(facts, baseline) }

    /// The known facts an undecided rule reads that a test still finds unknown (``Search/imprecise(_:_:)``).
    func imprecise(_ facts: FactVector) -> [Int] { search.imprecise(facts, baseline) }

    /// What each answer to the fact in `slot` gives alone.
    mutating func outcomes(_ slot: Int, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> [QuestionOutcome] {
        prepare([slot], &evaluation, &workspace)
        return zip(domain(slot), worlds[slot]!).map { answer, then in
            QuestionOutcome(answer: answer.value, category: then.category ?? .undetermined, exemption: then.exemption)
        }
    }

    /// For a verdict settled from undetermined (`summary`), the open facts some answer to which adds
    /// a ground or changes the exemption, leaving out `asked` (the exemption questions).
    mutating func settledQuestions(_ summary: Summary, asked: SlotSet, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> [Int] {
        let grounds = Set(summary.deciding.compactMap { plan.grounds[$0] })
        let candidates = openFacts(evaluation.facts).filter { !asked.contains($0) }
        prepare(candidates, &evaluation, &workspace)
        return candidates.filter { slot in
            worlds[slot]!.contains { then in
                !Set(then.deciding.compactMap { plan.grounds[$0] }).isSubset(of: grounds)
                    || then.exemption?.rule != summary.exemption?.rule || then.exemptionOpen != summary.exemptionOpen
            }
        }
    }

    /// Works out the summary of each answer alone to each fact of `slots` not yet worked out: an
    /// unknown fact's answers in passes over the worlds answering one fact each, a known fact's
    /// (given too broadly) by ``Search``. (Preparing all the facts asked about at once fills the passes.)
    mutating func prepare(_ slots: [Int], _ evaluation: inout Evaluation, _ workspace: inout Workspace) {
        if worlds.isEmpty { worlds = [[Summary]?](repeating: nil, count: graph.factPaths.count) }
        var answers: [AnswerWorld] = []
        for slot in slots where worlds[slot] == nil {
            guard evaluation.facts.isUnknown(slot), immediate != nil || reached != nil else {
                worlds[slot] = domain(slot).map { answer in
                    search.summary(evaluation.facts.setting(slot, to: answer.value, program: graph.program))
                }
                continue
            }
            worlds[slot] = []
            for answer in domain(slot) {
                answers.append(AnswerWorld(slot: slot, value: answer.value, cell: answer.cell, worlds: 1 << UInt64(answers.count % 64)))
            }
        }
        // What each answer can lead to, when the combinations were too many to try all: a search
        // from each answer that answers an open fact (another fact's answers change nothing).
        var searched: [UInt8] = []
        if immediate == nil, combinations == nil, let reached, !answers.isEmpty {
            var lanes = LaneSearch(settling: self, facts: evaluation.facts, within: reached.all ? reached.categories : Self.anyCategory)
            let starts = answers.map { answer in
                LaneSearch.Start(slot: answer.slot, answer: domainIndex(answer), value: answer.value, cell: answer.cell)
            }
            searched = lanes.run(starts, &evaluation, &workspace)
        }
        var start = 0
        while start < answers.count {
            let chunk = answers[start..<min(start + 64, answers.count)]
            _ = AnswerWorlds(graph: graph, plan: plan).evaluate(
                chunk, worlds: chunk.count, regime: regime, baseline: baseline, also: regime.verdicts + regime.exemptions,
                &evaluation, &workspace)
            for (w, answer) in chunk.enumerated() {
                let reachable = searched.isEmpty ? nil : searched[start + w]
                worlds[answer.slot]!.append(world(w, answer, reachable: reachable, evaluation.facts, &workspace))
            }
            start += 64
        }
    }

    /// The summary of world `w` of the last pass, which answers `answer`.
    /// `reachable`: the categories a search from this answer found (when the combinations were not tried).
    private func world(_ w: Int, _ answer: AnswerWorld, reachable: UInt8?, _ facts: FactVector, _ workspace: inout Workspace) -> Summary {
        let applies = workspace.worldApplies, conditions = workspace.worldMemo
        // A verdict rule that applies decides at once; else the combinations through this answer.
        var category = regime.verdicts.first { applies[$0].value(w) == .true }.flatMap { plan.categories[$0] }
        let now = category != nil
        if category == nil, let reached {
            let index = open.firstIndex(of: answer.slot)
            var bits = reached.categories
            if let index, let combinations {
                bits = combinations.categories(open: index, answer: domainIndex(answer))
            } else if index != nil, let reachable {
                bits = reachable
            }
            category = Self.category(bits)
        }
        guard let category = category ?? immediate else {
            return Summary(category: nil, deciding: [], exemption: nil, exemptionOpen: false)
        }
        let deciding = regime.verdicts.filter { r in
            guard plan.categories[r] == category else { return false }
            if now || immediate != nil { return applies[r].value(w) == .true }
            return conditions[r].value(w) == .true
                && graph.rules[r].blockers.allSatisfy { applies[$0].value(w) == .false || plan.categories[$0] == category }
        }
        // The exemption suspending a deciding rule, or the unknown exemptions that might (as
        // ``Search/exemption(_:_:)``, in this world).
        var open = false
        for e in regime.exemptions where deciding.contains(where: graph.rules[e].suspends.contains) {
            var value = conditions[e].value(w)
            guard value != .false else { continue }
            let end = plan.windows[e].end(facts: facts, answering: answer.slot, answer.value)
            if let known = end.known, asOf >= known { continue }
            if end.unknownFacts, value == .true { value = .unknown }
            if value == .true {
                let finding = ExemptionFinding(rule: plan.ids[e], until: end.known, citation: plan.citations[e], verified: plan.verified[e])
                return Summary(category: category, deciding: deciding, exemption: finding, exemptionOpen: false)
            }
            open = true
        }
        return Summary(category: category, deciding: deciding, exemption: nil, exemptionOpen: open)
    }

    /// The position of `answer` in its fact's answers.
    private func domainIndex(_ answer: AnswerWorld) -> Int {
        domain(answer.slot).firstIndex { $0.value == answer.value }!
    }
}

/// Every combination of answers to a verdict's open facts, evaluated 64 at a time by
/// ``AnswerWorlds``: the categories they lead to (a combination no verdict rule decides adds none),
/// and, per answer to each open fact, those of the combinations with that answer.
///
/// Kleene logic is monotone: the category of a partial answer, when one decides, is that of every
/// combination through it; so what the combinations lead to is what ``Search`` finds.
struct Combinations {
    /// The categories (bits, ``EnginePlan/categoryBits``) the combinations lead to.
    private(set) var categories: UInt8 = 0
    /// Whether every combination was tried (`stopAtTwo` stops at the second category: the verdict
    /// is undetermined whatever the rest give).
    private(set) var complete = true
    /// Per open fact (position in `open`) and answer, the categories of the combinations with it,
    /// at `offsets[fact] + answer`.
    private var byAnswer: [UInt8]
    private var offsets: [Int]

    init(
        open: [Int], domains: [[EnginePlan.Answer]], settling: Settling, stopAtTwo: Bool, _ evaluation: inout Evaluation,
        _ workspace: inout Workspace
    ) {
        let plan = settling.classifier.plan, regime = settling.regime
        offsets = []
        var total = 0
        for d in domains {
            offsets.append(total)
            total += d.count
        }
        byAnswer = [UInt8](repeating: 0, count: total)
        let count = domains.reduce(1) { $0 * $1.count }
        guard !open.isEmpty else { return }
        let worlds = AnswerWorlds(graph: settling.classifier.graph, plan: plan)
        // The combination `c` answers open fact `k` with its answer `(c / stride_k) % size_k`: in a
        // pass, each answer stands in runs of `stride_k` consecutive combinations.
        var strides: [Int] = []
        var product = 1
        for d in domains {
            strides.append(product)
            product *= d.count
        }
        var masks = [UInt64](repeating: 0, count: total)
        var answers: [AnswerWorld] = []
        // Per category (bit index), the combinations of the pass that lead to it.
        var byCategory = [UInt64](repeating: 0, count: 8)
        for start in stride(from: 0, to: count, by: 64) {
            let width = min(64, count - start)
            for i in masks.indices { masks[i] = 0 }
            for k in open.indices {
                var w = 0
                while w < width {
                    let run = (start + w) / strides[k]
                    let end = min(width, (run + 1) * strides[k] - start)
                    masks[offsets[k] + run % domains[k].count] |= Self.lanes(w, end)
                    w = end
                }
            }
            answers.removeAll(keepingCapacity: true)
            for (k, slot) in open.enumerated() {
                for (a, answer) in domains[k].enumerated() where masks[offsets[k] + a] != 0 {
                    answers.append(AnswerWorld(slot: slot, value: answer.value, cell: answer.cell, worlds: masks[offsets[k] + a]))
                }
            }
            let settled = worlds.evaluate(
                answers[...], worlds: width, regime: regime, baseline: settling.baseline, &evaluation, &workspace
            ).settled
            // Each decided combination's category: that of the first verdict rule applying in it.
            for c in byCategory.indices { byCategory[c] = 0 }
            var remaining = settled
            for r in regime.verdicts where remaining != 0 {
                let hit = workspace.worldApplies[r].yes & remaining
                guard hit != 0 else { continue }
                remaining &= ~hit
                byCategory[plan.categoryBits[r].trailingZeroBitCount] |= hit
            }
            // An answer leads to the categories of the combinations it stands in.
            for c in byCategory.indices where byCategory[c] != 0 {
                let bit: UInt8 = 1 << UInt8(c)
                categories |= bit
                for i in masks.indices where masks[i] & byCategory[c] != 0 { byAnswer[i] |= bit }
            }
            if stopAtTwo, categories.nonzeroBitCount > 1, start + 64 < count {
                complete = false
                return
            }
        }
    }

    /// Lanes `from..<to` of a pass (bits).
    @inline(__always)
    private static func lanes(_ from: Int, _ to: Int) -> UInt64 {
        let upTo: UInt64 = to == 64 ? ~0 : (1 << UInt64(to)) - 1
        return upTo & ~((1 << UInt64(from)) - 1)
    }

    /// The categories of the combinations answering open fact `open` (position) with its `answer`th answer.
    func categories(open: Int, answer: Int) -> UInt8 {
        byAnswer[offsets[open] + answer]
    }
}
