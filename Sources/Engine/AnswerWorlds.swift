import FastPath
import Measures
import RuleCompiler

/// Three-valued truth in each of up to 64 worlds at once: bit `w` of `yes` is set when the value is
/// true in world `w`, of `no` when it is false; with neither, it is unknown there.
struct TriMask: Equatable {
    var yes: UInt64
    var no: UInt64

    /// The same value in every world of `worlds`.
    init(_ value: TriValue, in worlds: UInt64) {
        switch value {
        case .true: (yes, no) = (worlds, 0)
        case .false: (yes, no) = (0, worlds)
        case .unknown: (yes, no) = (0, 0)
        }
    }

    init(yes: UInt64, no: UInt64) {
        self.yes = yes
        self.no = no
    }

    /// Kleene conjunction, disjunction and negation, world by world.
    static func && (a: TriMask, b: TriMask) -> TriMask { TriMask(yes: a.yes & b.yes, no: a.no | b.no) }
    static func || (a: TriMask, b: TriMask) -> TriMask { TriMask(yes: a.yes | b.yes, no: a.no & b.no) }
    static prefix func ! (a: TriMask) -> TriMask { TriMask(yes: a.no, no: a.yes) }

    /// Sets the worlds of `worlds` (bits) to `value`.
    mutating func set(_ worlds: UInt64, _ value: TriValue) {
        yes &= ~worlds
        no &= ~worlds
        if value == .true { yes |= worlds } else if value == .false { no |= worlds }
    }

    /// The value in world `w`.
    func value(_ w: Int) -> TriValue {
        let bit: UInt64 = 1 << UInt64(w)
        return yes & bit != 0 ? .true : no & bit != 0 ? .false : .unknown
    }
}

/// One answer tried for an unknown fact, and the worlds (bits, in a chunk of at most 64) in which
/// the fact has that value: one world when each world answers one fact (ranking questions), several
/// when each world answers several facts (every combination of answers, ``Settling``).
struct AnswerWorld {
    let slot: Int
    let value: FactValue
    let cell: FactCell
    let worlds: UInt64
}

/// Evaluates a regime's verdict rules in up to 64 worlds at once, each the measure with some
/// unknown facts answered (bit-parallel "what if"): a rule that reads none of the answered facts
/// has its measured value in every world, and the rest are evaluated once for all the worlds, with
/// only the leaf tests of an answered fact looked at answer by answer. The worlds are refinements
/// of the measure (only unknown facts are answered), so an application the measure settles stays.
struct AnswerWorlds {
    let graph: RuleGraph
    let plan: EnginePlan
    /// The graph's compiled conditions (``EvalCode``, kept alive by `graph`).
    private let nodes: UncheckedView<EvalProgram.Node>
    private let children: UncheckedView<Int32>
    private let roots: UncheckedView<Int32>

    init(graph: RuleGraph, plan: EnginePlan) {
        self.graph = graph
        self.plan = plan
        nodes = graph.program.code.nodes.view
        children = graph.program.code.children.view
        roots = graph.program.code.ruleRoots.view
    }

    /// What trying `count` worlds (at most 64), given by their `answers` (those of one fact
    /// consecutive), shows for regime `regime`, whose applications on the measure are `baseline`:
    /// the worlds in which some verdict rule applies (the verdict is settled), and those in which
    /// some verdict rule's application differs from the measure's. Each rule's application in every
    /// world is left in `workspace.worldApplies`; the conditions of the rules evaluated, and of the
    /// rules in `also`, in `workspace.worldMemo` (where `workspace.worldDone`).
    func evaluate(
        _ answers: ArraySlice<AnswerWorld>, worlds count: Int, regime: EnginePlan.Regime, baseline: [TriValue],
        also: [Int] = [], _ evaluation: inout Evaluation, _ workspace: inout Workspace
    ) -> (settled: UInt64, changed: UInt64) {
        let context = begin(answers, worlds: count, &workspace)
        let all = context.all
        var settled: UInt64 = 0, changed: UInt64 = 0
        var applies: [TriMask] = []
        swap(&applies, &workspace.worldApplies)
        // Rules outside the regime's order never apply.
        Workspace.reset(&applies, to: TriMask(.false, in: all), count: graph.rules.count)
        for r in regime.order {
            // A settled application stays settled in every world (Kleene logic is monotone).
            guard baseline[r] == .unknown else {
                applies[r] = TriMask(baseline[r], in: all)
                continue
            }
            var value = condition(r, context, &evaluation, &workspace)
            plan.blockerSets.forEach(in: r) { b in
                value = value && !applies[b]
                return value.no != all
            }
            applies[r] = value
            let measured = TriMask(baseline[r], in: all)
            changed |= (value.yes ^ measured.yes) | (value.no ^ measured.no)
            if regime.isVerdict[r] { settled |= value.yes }
        }
        swap(&applies, &workspace.worldApplies)
        for r in also { _ = condition(r, context, &evaluation, &workspace) }
        return (settled, changed)
    }

    /// The condition of rule `rule` in each of `count` worlds (at most 64) given by their
    /// `answers` (those of one fact consecutive); false where it is not in force.
    func condition(
        of rule: Int, _ answers: ArraySlice<AnswerWorld>, worlds count: Int, _ evaluation: inout Evaluation, _ workspace: inout Workspace
    ) -> TriMask {
        let context = begin(answers, worlds: count, &workspace)
        return condition(rule, context, &evaluation, &workspace)
    }

    /// A pass over new worlds: nothing is remembered of the last one.
    private func begin(_ answers: ArraySlice<AnswerWorld>, worlds count: Int, _ workspace: inout Workspace) -> Context {
        precondition(count <= 64)
        let all: UInt64 = count == 64 ? ~0 : (1 << UInt64(count)) - 1
        var answered = SlotSet()
        for answer in answers { answered.insert(answer.slot) }
        Workspace.reset(&workspace.worldDone, to: false, count: graph.rules.count)
        if workspace.worldMemo.count != graph.rules.count {
            workspace.worldMemo = [TriMask](repeating: TriMask(.unknown, in: 0), count: graph.rules.count)
        }
        return Context(answers: answers, all: all, answered: answered)
    }

    private struct Context {
        let answers: ArraySlice<AnswerWorld>
        let all: UInt64
        let answered: SlotSet

        /// The indices of the answers to `slot` (they are consecutive).
        func answers(to slot: Int) -> Range<Int> {
            guard let first = answers.firstIndex(where: { $0.slot == slot }) else { return 0..<0 }
            var end = first
            while end < answers.endIndex, answers[end].slot == slot { end += 1 }
            return first..<end
        }
    }

    /// A rule's condition in every world (false where it is not in force).
    private func condition(_ r: Int, _ context: Context, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> TriMask {
        if workspace.worldDone[r] { return workspace.worldMemo[r] }
        let value: TriMask
        if !evaluation.inForce(r) {
            value = TriMask(.false, in: context.all)
        } else if plan.reads[r].intersection(context.answered).isEmpty {
            value = TriMask(evaluation.condition(of: r), in: context.all)
        } else {
            value = node(Int(roots[r]), context, &evaluation, &workspace)
        }
        workspace.worldDone[r] = true
        workspace.worldMemo[r] = value
        return value
    }

    private func node(_ index: Int, _ context: Context, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> TriMask {
        switch nodes[index] {
        case .all(let start, let count):
            var result = TriMask(.true, in: context.all)
            for k in Int(start)..<Int(start + count) where result.no != context.all {
                result = result && node(Int(children[k]), context, &evaluation, &workspace)
            }
            return result
        case .any(let start, let count):
            var result = TriMask(.false, in: context.all)
            for k in Int(start)..<Int(start + count) where result.yes != context.all {
                result = result || node(Int(children[k]), context, &evaluation, &workspace)
            }
            return result
        case .not(let child):
            return !node(Int(child), context, &evaluation, &workspace)
        case .rule(let r):
            return condition(Int(r), context, &evaluation, &workspace)
        case .flag, .choice, .listAny, .listAll, .date, .number:
            // A test of one fact's cell: the measure's value, except in the worlds answering the fact.
            let node = nodes[index], slot = plan.nodeSlots[index]
            var value = TriMask(Evaluation.test(node, on: evaluation.facts.cells[slot], asOfDay: evaluation.asOfDay), in: context.all)
            guard context.answered.contains(slot) else { return value }
            for i in context.answers(to: slot) {
                let answer = context.answers[i]
                value.set(answer.worlds, Evaluation.test(node, on: answer.cell, asOfDay: evaluation.asOfDay))
            }
            return value
        case .always, .asOf, .hsCodes, .member, .memberAttribute, .general:
            // Other leaf tests read the fact's value: each answering world is tried in place.
            var value = TriMask(evaluation.evaluate(index), in: context.all)
            let slot = plan.nodeSlots[index]
            guard slot >= 0, context.answered.contains(slot) else { return value }
            for i in context.answers(to: slot) {
                let answer = context.answers[i]
                value.set(answer.worlds, evaluation.leaf(index, answering: slot, answer.value, cell: answer.cell))
            }
            evaluation.endLeafProbe()
            return value
        }
    }
}
