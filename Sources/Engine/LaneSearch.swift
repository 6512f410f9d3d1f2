import Measures
import RuleCompiler

/// The categories the answers can lead to from several starting points at once, for the verdicts
/// whose open facts have too many combinations to try all (``Settling/combinationLimit``):
/// ``ReferenceEvaluator``'s `reachable`, breadth first, 64 partial answers to a pass of
/// ``AnswerWorlds``.
///
/// A partial answer that some verdict rule decides adds its category; one that no category still
/// possible (a verdict rule whose application is unknown, of a category in `within` not found yet)
/// could add to is dropped; the others are answered further, the first open fact in each of its
/// answers. A start stops at two categories. What is found does not depend on the order in which
/// the answers are tried (Kleene logic is monotone): it is the set of categories of the answer
/// combinations, or two of them.
struct LaneSearch {
    let settling: Settling
    let facts: FactVector
    /// The categories worth finding (bits): those the measure's answers lead to, when known.
    let within: UInt8
    private var plan: EnginePlan { settling.classifier.plan }

    /// Where a search starts: the measure with one fact answered (`slot` -1: none).
    struct Start {
        let slot: Int
        let answer: Int
        let value: FactValue
        let cell: FactCell
    }

    /// A partial answer: its start, the answer it adds to its parent's, and the facts it answers.
    private struct Node {
        let start: Int
        let parent: Int
        let slot: Int
        let answer: Int
        let answered: SlotSet
    }

    private var nodes: [Node] = []
    private var domains: [[EnginePlan.Answer]?] = []

    init(settling: Settling, facts: FactVector, within: UInt8) {
        self.settling = settling
        self.facts = facts
        self.within = within
    }

    /// The categories found from each start (bits; two or more: the search from it stopped there).
    mutating func run(_ starts: [Start], _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> [UInt8] {
        let regime = settling.regime
        var found = [UInt8](repeating: 0, count: starts.count)
        domains = [[EnginePlan.Answer]?](repeating: nil, count: plan.answers.count)
        nodes = []
        var queue: [Int] = []
        for (i, start) in starts.enumerated() {
            var answered = SlotSet()
            if start.slot >= 0 { answered.insert(start.slot) }
            nodes.append(Node(start: i, parent: -1, slot: start.slot, answer: start.answer, answered: answered))
            queue.append(i)
        }
        let worlds = AnswerWorlds(graph: settling.classifier.graph, plan: plan)
        // Only the rules the measure leaves undecided can be undecided in a lane; and only the
        // unknown facts with answers to try are answered.
        let undecided = regime.order.filter { settling.baseline[$0] == .unknown }
        let reads = plan.reads, categoryBits = plan.categoryBits
        var answerable = SlotSet()
        facts.unknownSlots.forEach { slot in
            if !plan.answers[slot].isEmpty || plan.isDate[slot] { answerable.insert(slot) }
        }
        var lanePossible = [UInt8](repeating: 0, count: 64)
        var laneOpen = [SlotSet](repeating: SlotSet(), count: 64)
        var head = 0
        var answers: [AnswerWorld] = []
        // The lanes giving each answer of a pass, at `offsets[slot] + answer` (room for a date
        // fact's two more answers), and the answers given, as (slot, position).
        var offsets = [Int](repeating: 0, count: plan.answers.count)
        var total = 0
        for slot in offsets.indices {
            offsets[slot] = total
            total += plan.answers[slot].count + 2
        }
        var given = [UInt64](repeating: 0, count: total)
        var touched: [(slot: Int, answer: Int)] = []
        var batch: [Int] = []
        while head < queue.count {
            // Past the budget, what is left unexplored may lead anywhere: every start not yet at two
            // categories reports all of them (undetermined), never a settled category it did not prove.
            if nodes.count > settling.classifier.searchBudget {
                for i in found.indices where found[i].nonzeroBitCount < 2 { found[i] = UInt8.max }
                break
            }
            batch.removeAll(keepingCapacity: true)
            while head < queue.count, batch.count < 64 {
                let n = queue[head]
                head += 1
                if found[nodes[n].start].nonzeroBitCount < 2 { batch.append(n) }
            }
            guard !batch.isEmpty else { break }
            // The answers given in the lanes, each with its lanes, in fact order (those of one fact together).
            for (lane, n) in batch.enumerated() {
                var k = n
                while k >= 0 {
                    let node = nodes[k]
                    k = node.parent
                    guard node.slot >= 0 else { continue }
                    let i = offsets[node.slot] + node.answer
                    if given[i] == 0 { touched.append((node.slot, node.answer)) }
                    given[i] |= 1 << UInt64(lane)
                }
            }
            touched.sort { $0.slot < $1.slot || ($0.slot == $1.slot && $0.answer < $1.answer) }
            answers.removeAll(keepingCapacity: true)
            for (slot, answer) in touched {
                let value = domain(slot)[answer]
                answers.append(AnswerWorld(slot: slot, value: value.value, cell: value.cell, worlds: given[offsets[slot] + answer]))
                given[offsets[slot] + answer] = 0
            }
            touched.removeAll(keepingCapacity: true)
            let settled = worlds.evaluate(
                answers[...], worlds: batch.count, regime: regime, baseline: settling.baseline, &evaluation, &workspace
            ).settled
            let applies = workspace.worldApplies
            // Per lane, the categories still possible and the open facts: those of the rules
            // undecided in it.
            let lanes: UInt64 = batch.count == 64 ? ~0 : (1 << UInt64(batch.count)) - 1
            for lane in 0..<batch.count {
                lanePossible[lane] = 0
                laneOpen[lane] = SlotSet()
            }
            for r in undecided {
                var open = lanes & ~settled & ~(applies[r].yes | applies[r].no)
                while open != 0 {
                    let lane = open.trailingZeroBitCount
                    lanePossible[lane] |= categoryBits[r]
                    laneOpen[lane].formUnion(reads[r])
                    open &= open - 1
                }
            }
            for (lane, n) in batch.enumerated() {
                let start = nodes[n].start
                guard found[start].nonzeroBitCount < 2 else { continue }
                let bit: UInt64 = 1 << UInt64(lane)
                if settled & bit != 0 {
                    let r = regime.verdicts.first { applies[$0].yes & bit != 0 }!
                    found[start] |= categoryBits[r]
                    continue
                }
                guard lanePossible[lane] & within & ~found[start] != 0 else { continue }
                var open = laneOpen[lane].intersection(answerable)
                open.subtract(nodes[n].answered)
                guard let slot = open.first else { continue }
                var answered = nodes[n].answered
                answered.insert(slot)
                for answer in domain(slot).indices {
                    queue.append(nodes.count)
                    nodes.append(Node(start: start, parent: n, slot: slot, answer: answer, answered: answered))
                }
            }
        }
        return found
    }

    /// The answers tried for the fact in `slot` (``Settling/domain(_:)``), worked out once.
    private mutating func domain(_ slot: Int) -> [EnginePlan.Answer] {
        if let known = domains[slot] { return known }
        let answers = settling.domain(slot)
        domains[slot] = answers
        return answers
    }
}
