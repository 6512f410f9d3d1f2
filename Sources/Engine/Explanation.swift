import FastPath
import Measures
import RuleCompiler

/// "Why not": for the deciding rules, each exception considered and why it did or did not apply.
/// The reasons are captured as data (``Reason``) and put into words only when read.
struct Explanation {
    let graph: RuleGraph
    let plan: EnginePlan

    func considered(for deciding: [Int], _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> [ConsideredException] {
        guard let first = deciding.first else { return [] }
        var out: [ConsideredException] = []
        out.reserveCapacity(plan.exceptions[first].count)
        // Each exception once, in the order the deciding rules list them.
        Workspace.reset(&workspace.seen, to: false, count: graph.rules.count)
        for d in deciding {
            for e in plan.exceptions[d] where !workspace.seen[e] {
                workspace.seen[e] = true
                out.append(consider(e, &evaluation, &workspace))
            }
        }
        return out
    }

    private func consider(_ e: Int, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> ConsideredException {
        let condition = Int(graph.program.code.ruleRoots[e])
        let isExemption = plan.isExemption[e]
        let inForce = plan.inForce[e]
        func item(_ status: ConsideredException.Status, _ because: Reason, worded: String? = nil) -> ConsideredException {
            ConsideredException(rule: plan.ids[e], status: status, isExemption: isExemption, because: because, worded: worded)
        }
        // A claimed exemption whose time has run out says so, whether its end is its `until` or its in-force date.
        if isExemption, let until = inForce.until, evaluation.asOf >= until, evaluation.evaluate(condition) == .true {
            return item(.notApplied, .ended(until))
        }
        guard evaluation.inForce(e) else {
            let because = Reason.notInForce(inForce, evaluation.asOf)
            return item(.notInForce, because, worded: notInForceWords(e, because, evaluation.asOfDay, &workspace))
        }
        let value = evaluation.condition(of: e)
        if isExemption, value != .false, let end = plan.windows[e].end(facts: evaluation.facts).known,
           evaluation.asOf >= end {
            return item(.notApplied, .ended(end))
        }
        switch value {
        case .true:
            return item(.applied, .applies(plan.titles[e]), worded: plan.appliesWords[e])
        case .unknown:
            let slots = plan.directReads[e].intersection(evaluation.facts.unknownSlots)
            var open: [String] = []
            open.reserveCapacity(slots.count)
            slots.forEach { open.append(graph.factPaths[$0]) }
            return item(.unknown, .open(open))
        case .false:
            let (part, words) = failure(condition, &evaluation, &workspace)
            return item(.notApplied, .failed(part), worded: words)
        }
    }

    /// The words of rule `e`'s "not in force" reason, worded once per evaluation date.
    private func notInForceWords(_ e: Int, _ reason: Reason, _ day: Int, _ workspace: inout Workspace) -> String {
        if workspace.wordedDay != day || workspace.notInForceWords.count != graph.rules.count {
            workspace.notInForceWords = [String?](repeating: nil, count: graph.rules.count)
            workspace.wordedDay = day
        }
        if let words = workspace.notInForceWords[e] { return words }
        let words = reason.text
        workspace.notInForceWords[e] = words
        return words
    }

    /// The first part of a false condition that makes it false, and the words of `.failed(part)`
    /// when they come from the plan's prepared words (else `nil`: worded when read).
    private func failure(_ node: Int, _ evaluation: inout Evaluation, _ workspace: inout Workspace) -> (Reason.Part, String?) {
        switch graph.nodes[node] {
        case .all(let children):
            for c in children where evaluation.evaluate(c) == .false { return failure(c, &evaluation, &workspace) }
            return (snapshot(node, &evaluation), nil)
        case .any(let children):
            return (.noneOf(children.prefix(4).map { failure($0, &evaluation, &workspace).0 }), nil)
        case .not(let child):
            let part = snapshot(child, &evaluation)
            if case .rule(let r) = graph.nodes[child] { return (.holds(part), plan.failedRuleWords[r].holds) }
            return (.holds(part), nil)
        case .rule(let r):
            return (snapshot(node, &evaluation), plan.failedRuleWords[r].isFalse)
        case .always, .fact, .asOf, .memberOf, .memberAttribute:
            let part = snapshot(node, &evaluation)
            guard let words = plan.failedTestWords[node] else { return (part, nil) }
            // The test's value is the fact the snapshot took (read again rather than out of the part,
            // which would copy the whole part). When its cell determines it, the words are shared
            // between measures.
            let slot = plan.nodeSlots[node]
            let key = FailedTestKey(node: node, cell: evaluation.facts.cells[slot])
            if let key, let text = workspace.failedWords.value(for: key) { return (part, text) }
            let value = evaluation.facts[slot]
            let text = TextBuilder.text { out in
                out.append(words.head)
                FactText.describe(value, into: &out)
                out.append(words.tail)
            }
            if let key { workspace.failedWords.keep(text, for: key) }
            return (part, text)
        }
    }

    /// One condition node with the values it tested, for wording later. (`inout` only so that the
    /// evaluation is passed by reference rather than copied.)
    private func snapshot(_ node: Int, _ evaluation: inout Evaluation) -> Reason.Part {
        let expr = graph.nodes[node]
        switch expr {
        case .rule(let r):
            return .rule(id: plan.ids[r], title: plan.titles[r])
        case .fact(let s, _):
            return .test(expr, path: graph.factPaths[s], value: evaluation.facts[s], table: Optional<String>.none, asOf: evaluation.asOf)
        case .memberOf(let t), .memberAttribute(let t, _, _):
            return .test(expr, path: "member_state", value: evaluation.facts.memberState.map(FactValue.text) ?? .unknown,
                         table: graph.tables[t].definition.id, asOf: evaluation.asOf)
        case .always, .all, .any, .not, .rule, .asOf:
            return .test(expr, path: Optional<String>.none, value: Optional<FactValue>.none, table: Optional<String>.none, asOf: evaluation.asOf)
        }
    }
}
