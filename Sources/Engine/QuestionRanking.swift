import Measures
import RuleCompiler

/// Finds the unknown facts that would decide an undetermined verdict, best first: facts any answer
/// to which settles the verdict on its own come first, then those that settle it for more of
/// their possible answers, then the rest in contract order.
struct QuestionRanking {
    let graph: RuleGraph
    let plan: EnginePlan

    /// Ranks the questions of the undetermined verdict of regime `index`, whose applications are
    /// `baseline`. Each answer is tried in place in `evaluation`, which is left as it was.
    func rank(
        regime index: Int, _ evaluation: inout Evaluation, baseline: [TriValue], candidates: [Int], _ workspace: inout Workspace
    ) -> [Question] {
        let regime = plan.regimes[index]
        // Kleene logic is monotone: an application that is already true or false stays so whatever
        // the unknown facts turn out to be, so only the facts of undecided applications can matter.
        var slots = SlotSet()
        for r in regime.order where baseline[r] == .unknown {
            slots.formUnion(plan.reads[r])
        }
        let open = slots.intersection(evaluation.facts.unknownSlots)
        guard !open.isEmpty else { return [] }
        // Every answer to every open fact is a world; up to 64 worlds are evaluated at once.
        var worlds: [AnswerWorld] = [], scored: [(slot: Int, ratio: Double, all: Bool)] = []
        var tried: [Int] = [], settled: [Int] = []
        swap(&worlds, &workspace.worlds)
        swap(&scored, &workspace.scored)
        swap(&tried, &workspace.tried)
        swap(&settled, &workspace.settled)
        defer {
            swap(&worlds, &workspace.worlds)
            swap(&scored, &workspace.scored)
            swap(&tried, &workspace.tried)
            swap(&settled, &workspace.settled)
        }
        worlds.removeAll(keepingCapacity: true)
        // Dates are also tried on the evaluation date and the day before it (the same for every slot).
        let asOf = evaluation.asOf, dayBefore = evaluation.asOf.adding(days: -1)
        open.forEach { slot in
            let prepared = plan.answers[slot]
            // World `w` of a chunk of 64 is the `w`th answer in it.
            for answer in prepared {
                worlds.append(AnswerWorld(slot: slot, value: answer.value, cell: answer.cell, worlds: 1 << UInt64(worlds.count % 64)))
            }
            guard plan.isDate[slot] else { return }
            for date in [asOf, dayBefore] where !prepared.contains(where: { $0.value == .date(date) }) {
                worlds.append(AnswerWorld(slot: slot, value: .date(date), cell: FactCell(date: date), worlds: 1 << UInt64(worlds.count % 64)))
            }
        }
        Workspace.reset(&tried, to: 0, count: graph.factPaths.count)
        Workspace.reset(&settled, to: 0, count: graph.factPaths.count)
        var relevant = SlotSet()
        var start = 0
        let answerWorlds = AnswerWorlds(graph: graph, plan: plan)
        while start < worlds.count {
            let chunk = worlds[start..<min(start + 64, worlds.count)]
            let outcome = answerWorlds.evaluate(chunk, worlds: chunk.count, regime: regime, baseline: baseline, &evaluation, &workspace)
            for (w, world) in chunk.enumerated() {
                let bit: UInt64 = 1 << UInt64(w)
                tried[world.slot] += 1
                if outcome.settled & bit != 0 { settled[world.slot] += 1 }
                // A fact no answer to which changes any rule's outcome is not a question worth asking.
                if outcome.changed & bit != 0 { relevant.insert(world.slot) }
            }
            start += 64
        }
        scored.removeAll(keepingCapacity: true)
        relevant.forEach { slot in
            scored.append((slot, Double(settled[slot]) / Double(tried[slot]), settled[slot] == tried[slot]))
        }
        guard !scored.isEmpty else { return [] }
        scored.sort { a, b in
            if a.all != b.all { return a.all }
            if a.ratio != b.ratio { return a.ratio > b.ratio }
            return a.slot < b.slot
        }
        // The questions follow from the ranked facts and the candidate rules alone: measures with
        // the same ones share one list.
        let key = QuestionListKey(regime: index, candidates: candidates, ranked: scored)
        if let key, let shared = workspace.questionLists.value(for: key) { return shared }
        var asked = SlotSet()
        for item in scored { asked.insert(item.slot) }
        nearestReaders(of: asked, from: candidates, then: regime.order, &workspace)
        let questions = scored.map { question(slot: $0.slot, settles: $0.all, rule: workspace.found[$0.slot]) }
        if let key { workspace.questionLists.keep(questions, for: key) }
        return questions
    }

    /// The unknown facts the given rules read, as questions (unranked, in contract order).
    func openFacts(of rules: [Int], facts: FactVector, _ workspace: inout Workspace) -> [Question] {
        var slots = SlotSet()
        for r in rules { slots.formUnion(plan.reads[r]) }
        let open = slots.intersection(facts.unknownSlots)
        guard !open.isEmpty else { return [] }
        nearestReaders(of: open, from: rules, then: [], &workspace)
        return open.sorted.map { question(slot: $0, settles: false, rule: workspace.found[$0]) }
    }

    /// The question for a fact, attributed to `rule` (-1: none).
    private func question(slot: Int, settles: Bool, rule: Int) -> Question {
        Question(fact: graph.factPaths[slot], question: plan.questions[slot],
                 rule: rule >= 0 ? plan.ids[rule] : "", settles: settles)
    }

    /// For each slot, the rule nearest to the roots (`first`, then `then`) that reads the fact
    /// itself: breadth-first through the roots and the predicates they depend on, stopping once
    /// every slot has its rule. The result is `workspace.found`, indexed by slot (-1: no such rule).
    private func nearestReaders(of slots: SlotSet, from first: [Int], then: [Int], _ workspace: inout Workspace) {
        Workspace.reset(&workspace.found, to: -1, count: graph.factPaths.count)
        Workspace.reset(&workspace.seen, to: false, count: graph.rules.count)
        workspace.queue.removeAll(keepingCapacity: true)
        workspace.queue.append(contentsOf: first)
        workspace.queue.append(contentsOf: then)
        var wanted = slots
        var next = 0
        while next < workspace.queue.count, !wanted.isEmpty {
            let r = workspace.queue[next]
            next += 1
            guard !workspace.seen[r] else { continue }
            workspace.seen[r] = true
            let hits = plan.directReads[r].intersection(wanted)
            if !hits.isEmpty {
                hits.forEach { workspace.found[$0] = r }
                wanted.subtract(hits)
            }
            workspace.queue.append(contentsOf: plan.dependsOn[r])
        }
    }
}

/// What determines a ranked question list: the regime, its candidate rules, and the ranked facts
/// with whether each settles the verdict. Measures with the same ones share one list
/// (``Workspace/questionLists``; arrays are values, so no reader can tell).
struct QuestionListKey: DirectMappedKey {
    var regime: Int
    var candidates: RuleListing.Key
    /// The ranked facts in order, a byte each (slot and "settles"), and how many.
    var ranked: UInt64
    var count: Int

    /// `nil` when the key cannot hold them (more than 8 facts, a slot past 127, a rule past
    /// ``RuleListing/Key/capacity``).
    init?(regime: Int, candidates: [Int], ranked: [(slot: Int, ratio: Double, all: Bool)]) {
        guard ranked.count <= 8, let candidates = RuleListing.Key(candidates, decided: false) else { return nil }
        var packed: UInt64 = 0
        for (i, item) in ranked.enumerated() {
            guard item.slot < 128 else { return nil }
            packed |= UInt64(item.slot << 1 | (item.all ? 1 : 0)) << UInt64(8 * i)
        }
        self.regime = regime
        self.candidates = candidates
        self.ranked = packed
        self.count = ranked.count
    }

    @inline(__always)
    func slot(bits: Int) -> Int {
        let h = (UInt64(candidates.slot(bits: 64 - 8)) ^ ranked &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(regime &* 31 &+ count))
            &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
    }
}
