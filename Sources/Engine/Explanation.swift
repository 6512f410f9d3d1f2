import Measures
import RuleCompiler

/// "Why not": for the deciding rules, each exception considered and why it did or did not apply.
struct Explanation {
    let graph: RuleGraph

    func considered(for deciding: [Int], _ evaluation: inout Evaluation) -> [ConsideredException] {
        var out: [ConsideredException] = []
        var seen = Set<Int>()
        for d in deciding {
            for e in graph.rules[d].exceptions where seen.insert(e).inserted {
                out.append(consider(e, &evaluation))
            }
        }
        return out
    }

    private func consider(_ e: Int, _ evaluation: inout Evaluation) -> ConsideredException {
        let rule = graph.rules[e]
        let id = rule.id
        guard evaluation.inForce(e) else {
            return ConsideredException(
                rule: id, status: .notInForce,
                reason: "not in force on \(evaluation.asOf) (\(rule.definition.inForce.description))")
        }
        switch evaluation.condition(of: e) {
        case .true:
            return ConsideredException(rule: id, status: .applied, reason: "applies: \(rule.definition.title)")
        case .unknown:
            return ConsideredException(
                rule: id, status: .unknown, reason: "may apply: " + describeOpen(rule.condition, &evaluation))
        case .false:
            return ConsideredException(
                rule: id, status: .notApplied, reason: "does not apply: " + describeFailure(rule.condition, &evaluation))
        }
    }

    /// The first part of a false condition that makes it false, in words.
    func describeFailure(_ node: Int, _ evaluation: inout Evaluation) -> String {
        switch graph.nodes[node] {
        case .all(let children):
            for c in children where evaluation.evaluate(c) == .false { return describeFailure(c, &evaluation) }
            return describe(node, evaluation)
        case .any(let children):
            return "none of: " + children.prefix(4).map { describe($0, evaluation) }.joined(separator: "; ")
        case .not(let child):
            return "\(describe(child, evaluation)) holds"
        case .rule(let r):
            return "'\(graph.rules[r].id)' (\(graph.rules[r].definition.title)) is false"
        default:
            return describe(node, evaluation)
        }
    }

    /// The unknown facts a condition waits on.
    func describeOpen(_ node: Int, _ evaluation: inout Evaluation) -> String {
        let facts = QuestionRanking.readsOf(node: node, graph: graph)
            .filter { evaluation.facts[$0] == .unknown }
            .map { graph.factPaths[$0] }
        return facts.isEmpty ? "depends on unknown facts" : "depends on " + facts.joined(separator: ", ")
    }

    /// One condition node in words, with the fact's actual value.
    func describe(_ node: Int, _ evaluation: Evaluation) -> String {
        func fact(_ slot: Int) -> String {
            "\(graph.factPaths[slot]) is \(FactText.describe(evaluation.facts[slot]))"
        }
        switch graph.nodes[node] {
        case .always: return "always"
        case .all: return "all of several conditions"
        case .any: return "any of several conditions"
        case .not(let c): return "not (\(describe(c, evaluation)))"
        case .rule(let r): return "'\(graph.rules[r].id)'"
        case .equals(let s, let values):
            return "\(fact(s)) (needs \(values.map(\.description).joined(separator: " or ")))"
        case .anyOf(let s, let values): return "\(fact(s)) (needs any of \(values.joined(separator: ", ")))"
        case .allIn(let s, let values): return "\(fact(s)) (needs only \(values.joined(separator: ", ")))"
        case .contains(let s, let value): return "\(fact(s)) (needs \(value))"
        case .date(let s, let op, let d): return "\(fact(s)) (needs \(op.words) \(d.map(\.description) ?? "the as-of date \(evaluation.asOf)"))"
        case .asOf(let op, let d): return "the as-of date \(evaluation.asOf) (needs \(op.words) \(d))"
        case .number(let s, let op, let n): return "\(fact(s)) (needs \(op.words) \(FactText.describe(.number(n))))"
        case .hsAllIn(let s, let t): return "\(fact(s)) (needs all within '\(graph.tables[t].definition.id)')"
        case .hsAnyIn(let s, let t): return "\(fact(s)) (needs some within '\(graph.tables[t].definition.id)')"
        case .memberOf(let t):
            return "member_state is \(evaluation.facts.memberState ?? "unknown") (needs membership of '\(graph.tables[t].definition.id)' on \(evaluation.asOf))"
        case .memberAttribute(let t, let column, let values):
            return "\(column) of \(evaluation.facts.memberState ?? "?") in '\(graph.tables[t].definition.id)' (needs \(values.map(\.description).joined(separator: " or ")))"
        }
    }
}
