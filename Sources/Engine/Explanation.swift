import Measures
import RuleCompiler

/// "Why not": for the deciding rules, each exception considered and why it did or did not apply.
/// The reasons are captured as data (``Reason``) and put into words only when read.
struct Explanation {
    let graph: RuleGraph

    func considered(for deciding: [Int], _ evaluation: inout Evaluation) -> [ConsideredException] {
        var out: [ConsideredException] = []
        var seen: [Int] = []
        for d in deciding {
            for e in graph.rules[d].exceptions where !seen.contains(e) {
                seen.append(e)
                var item = consider(e, &evaluation)
                item.isExemption = graph.rules[e].role == .exemption
                out.append(item)
            }
        }
        return out
    }

    private func consider(_ e: Int, _ evaluation: inout Evaluation) -> ConsideredException {
        let id = graph.rules[e].id
        let condition = graph.rules[e].condition
        let isExemption = graph.rules[e].role == .exemption
        let inForce = graph.rules[e].definition.inForce
        // A claimed exemption whose time has run out says so, whether its end is its `until` or its in-force date.
        if isExemption, let until = inForce.until, evaluation.asOf >= until, evaluation.evaluate(condition) == .true {
            return ConsideredException(rule: id, status: .notApplied, because: .ended(until))
        }
        guard evaluation.inForce(e) else {
            return ConsideredException(rule: id, status: .notInForce, because: .notInForce(inForce, evaluation.asOf))
        }
        let value = evaluation.condition(of: e)
        if isExemption, value != .false, let end = ExemptionWindow(graph: graph).end(of: e, facts: evaluation.facts).known,
           evaluation.asOf >= end {
            return ConsideredException(rule: id, status: .notApplied, because: .ended(end))
        }
        switch value {
        case .true:
            return ConsideredException(rule: id, status: .applied, because: .applies(graph.rules[e].definition.title))
        case .unknown:
            let open = graph.rules[e].directReads.filter { evaluation.facts[$0] == .unknown }.map { graph.factPaths[$0] }
            return ConsideredException(rule: id, status: .unknown, because: .open(open))
        case .false:
            return ConsideredException(rule: id, status: .notApplied, because: .failed(failure(condition, &evaluation)))
        }
    }

    /// The first part of a false condition that makes it false.
    private func failure(_ node: Int, _ evaluation: inout Evaluation) -> Reason.Part {
        switch graph.nodes[node] {
        case .all(let children):
            for c in children where evaluation.evaluate(c) == .false { return failure(c, &evaluation) }
            return snapshot(node, evaluation)
        case .any(let children):
            return .noneOf(children.prefix(4).map { failure($0, &evaluation) })
        case .not(let child):
            return .holds(snapshot(child, evaluation))
        default:
            return snapshot(node, evaluation)
        }
    }

    /// One condition node with the values it tested, for wording later.
    private func snapshot(_ node: Int, _ evaluation: Evaluation) -> Reason.Part {
        let expr = graph.nodes[node]
        switch expr {
        case .rule(let r):
            return .rule(id: graph.rules[r].id, title: graph.rules[r].definition.title)
        case .equals(let s, _), .anyOf(let s, _), .allIn(let s, _), .contains(let s, _), .date(let s, _, _),
             .number(let s, _, _):
            return .test(expr, path: graph.factPaths[s], value: evaluation.facts[s], table: Optional<String>.none, asOf: evaluation.asOf)
        case .hsAllIn(let s, let t), .hsAnyIn(let s, let t):
            return .test(expr, path: graph.factPaths[s], value: evaluation.facts[s],
                         table: graph.tables[t].definition.id, asOf: evaluation.asOf)
        case .memberOf(let t), .memberAttribute(let t, _, _):
            return .test(expr, path: "member_state", value: evaluation.facts.memberState.map(FactValue.text) ?? .unknown,
                         table: graph.tables[t].definition.id, asOf: evaluation.asOf)
        default:
            return .test(expr, path: Optional<String>.none, value: Optional<FactValue>.none, table: Optional<String>.none, asOf: evaluation.asOf)
        }
    }
}
