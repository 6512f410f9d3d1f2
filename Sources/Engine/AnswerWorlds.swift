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

    /// Sets world `w` to `value`.
    mutating func set(_ w: Int, _ value: TriValue) {
        let bit: UInt64 = 1 << UInt64(w)
        yes &= ~bit
        no &= ~bit
        if value == .true { yes |= bit } else if value == .false { no |= bit }
    }
}

/// One answer tried for an unknown fact: a world in which the fact has that value.
struct AnswerWorld {
    let slot: Int
    let value: FactValue
    let cell: FactCell
}

/// Evaluates a regime's verdict rules in up to 64 worlds at once, each the measure with one
/// unknown fact answered (bit-parallel "what if"): a rule that reads none of the answered facts
/// has its measured value in every world, and the rest are evaluated once for all the worlds, with
/// only the leaf tests of an answered fact looked at world by world.
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

    /// What trying `worlds` (at most 64) shows for regime `regime`, whose applications on the
    /// measure are `baseline`: the worlds in which some verdict rule applies (the verdict is
    /// settled), and those in which some verdict rule's application differs from the measure's.
    func evaluate(
        _ worlds: ArraySlice<AnswerWorld>, regime: EnginePlan.Regime, baseline: [TriValue],
        _ evaluation: inout Evaluation, _ workspace: inout Workspace
    ) -> (settled: UInt64, changed: UInt64) {
        precondition(worlds.count <= 64)
        let all: UInt64 = worlds.count == 64 ? ~0 : (1 << UInt64(worlds.count)) - 1
        var answered = SlotSet()
        for world in worlds { answered.insert(world.slot) }
        Workspace.reset(&workspace.worldDone, to: false, count: graph.rules.count)
        if workspace.worldMemo.count != graph.rules.count {
            workspace.worldMemo = [TriMask](repeating: TriMask(.unknown, in: 0), count: graph.rules.count)
        }
        let context = Context(worlds: worlds, all: all, answered: answered)
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
        return (settled, changed)
    }

    private struct Context {
        let worlds: ArraySlice<AnswerWorld>
        let all: UInt64
        let answered: SlotSet

        /// The positions in the chunk of the worlds answering `slot` (they are consecutive).
        func positions(of slot: Int) -> Range<Int> {
            let start = worlds.startIndex
            guard let first = worlds.firstIndex(where: { $0.slot == slot }) else { return 0..<0 }
            var end = first
            while end < worlds.endIndex, worlds[end].slot == slot { end += 1 }
            return (first - start)..<(end - start)
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
            for w in context.positions(of: slot) {
                let cell = context.worlds[context.worlds.startIndex + w].cell
                value.set(w, Evaluation.test(node, on: cell, asOfDay: evaluation.asOfDay))
            }
            return value
        case .always, .asOf, .hsCodes, .member, .memberAttribute, .general:
            // Other leaf tests read the fact's value: each answering world is tried in place.
            var value = TriMask(evaluation.evaluate(index), in: context.all)
            let slot = plan.nodeSlots[index]
            guard slot >= 0, context.answered.contains(slot) else { return value }
            for w in context.positions(of: slot) {
                let world = context.worlds[context.worlds.startIndex + w]
                value.set(w, evaluation.leaf(index, answering: slot, world.value, cell: world.cell))
            }
            evaluation.endLeafProbe()
            return value
        }
    }
}
