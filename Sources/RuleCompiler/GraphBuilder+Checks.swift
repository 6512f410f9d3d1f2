import Diagnostics
import Measures

extension GraphBuilder {
    /// Predicates that refer to each other in a loop: one error, a note per edge.
    mutating func checkPredicateCycles(_ compiled: [RuleGraph.Rule]) {
        let edges = compiled.map(\.dependsOn)
        for cycle in findCycles(count: compiled.count, edges: edges) {
            reportCycle(cycle, what: "predicates refer to each other in a cycle", edge: "refers to")
        }
    }

    private mutating func reportCycle(_ cycle: [Int], what: String, edge: String) {
        let first = rules[cycle[0]]
        var notes: [Note] = []
        for (k, i) in cycle.enumerated() {
            let next = cycle[(k + 1) % cycle.count]
            notes.append(Note("'\(rules[i].id)' \(edge) '\(rules[next].id)'", at: rules[i].idRange))
        }
        bag.error("graph.cycle", "\(what): \(cycle.map { rules[$0].id }.joined(separator: " → ")) → \(first.id)",
                  at: first.idRange, notes: notes)
    }

    /// Each elementary cycle found by depth-first search, reported once (from its smallest index).
    private func findCycles(count: Int, edges: [[Int]]) -> [[Int]] {
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        var cycles: [[Int]] = []
        func visit(_ v: Int) {
            state[v] = 1
            stack.append(v)
            for w in edges[v] {
                if state[w] == 1, let start = stack.firstIndex(of: w) {
                    cycles.append(Array(stack[start...]))
                } else if state[w] == 0 {
                    visit(w)
                }
            }
            stack.removeLast()
            state[v] = 2
        }
        for v in 0..<count where state[v] == 0 { visit(v) }
        return cycles
    }

    /// Resolves `exception_to` and `suspends`, checks their targets, and computes blockers:
    /// verdict rules ranked above a rule (transitively) and its direct defeaters.
    mutating func linkExceptions(_ compiled: inout [RuleGraph.Rule]) {
        var above = [[Int]](repeating: [], count: compiled.count)  // direct: rules that override i
        for (i, rule) in rules.enumerated() {
            for (target, range) in rule.exceptionTo {
                guard let t = ruleIndex[target] else {
                    bag.error("graph.unknown-reference", "'exception_to' names no rule '\(target)'\(suggest(target, Array(ruleIndex.keys)))", at: range)
                    continue
                }
                guard case .verdict = compiled[t].role else {
                    bag.error("graph.mismatch", "'\(target)' is not a verdict rule; only verdicts have exceptions", at: range,
                              notes: [Note("the target", at: rules[t].idRange)])
                    continue
                }
                let ownRegime = rule.regime ?? rules[t].regime
                if ownRegime != rules[t].regime {
                    bag.error("graph.mismatch", "'\(rule.id)' (\(ownRegime?.rawValue ?? "?")) cannot override '\(target)' of another regime (\(rules[t].regime?.rawValue ?? "?"))", at: range)
                    continue
                }
                above[t].append(i)
                compiled[t].exceptions.append(i)
            }
            if case .exemption(_, let suspends) = rule.conclusion {
                for (k, target) in suspends.enumerated() {
                    let range = k < rule.suspendsRanges.count ? rule.suspendsRanges[k] : rule.idRange
                    guard let t = ruleIndex[target], case .verdict = compiled[t].role, rules[t].regime == rule.regime else {
                        bag.error("graph.unknown-reference", "'suspends' must name verdict rules of regime '\(rule.regime?.rawValue ?? "?")'; '\(target)' is not one\(suggest(target, Array(ruleIndex.keys)))", at: range)
                        continue
                    }
                    compiled[i].suspends.append(t)
                    compiled[t].exceptions.append(i)
                }
            }
        }
        for cycle in findCycles(count: compiled.count, edges: above) {
            reportCycle(cycle, what: "exceptions override each other in a cycle", edge: "is overridden by")
        }
        for i in compiled.indices {
            var blockers = Set<Int>()
            var pending = above[i]
            var seen = Set<Int>()
            while let j = pending.popLast() {
                guard seen.insert(j).inserted else { continue }
                if case .verdict = compiled[j].role {
                    blockers.insert(j)
                    pending += above[j]
                } else if above[i].contains(j) {
                    blockers.insert(j)
                }
            }
            compiled[i].blockers = blockers.sorted()
        }
    }

    /// Fact slots each rule reads, through the predicates it refers to.
    mutating func computeReads(_ compiled: inout [RuleGraph.Rule]) {
        let direct = compiled.map { directReads($0.condition) }
        var memo = [[Int]?](repeating: nil, count: compiled.count)
        func reads(_ i: Int, _ depth: Int) -> [Int] {
            if let m = memo[i] { return m }
            guard depth < compiled.count + 1 else { return [] }
            var set = Set(direct[i])
            for d in compiled[i].dependsOn { set.formUnion(reads(d, depth + 1)) }
            let out = set.sorted()
            memo[i] = out
            return out
        }
        for i in compiled.indices {
            compiled[i].reads = reads(i, 0)
            compiled[i].directReads = direct[i]
        }
    }

    /// Orders each regime's verdict rules and defeaters so that blockers come first, and checks
    /// that verdict rules concluding different categories are ordered.
    mutating func planRegimes(_ compiled: inout [RuleGraph.Rule]) -> [RuleGraph.RegimePlan] {
        var plans: [RuleGraph.RegimePlan] = []
        for regime in Regime.allCases {
            let members = compiled.indices.filter { effectiveRegime($0, compiled) == regime }
            let verdicts = members.filter { if case .verdict = compiled[$0].role { true } else { false } }
            checkConflicts(verdicts, compiled)
            var order: [Int] = []
            var placed = Set<Int>()
            var visiting = Set<Int>()
            func place(_ i: Int) {
                guard !placed.contains(i), visiting.insert(i).inserted else { return }
                for b in compiled[i].blockers { place(b) }
                placed.insert(i)
                order.append(i)
            }
            for i in members {
                switch compiled[i].role {
                case .verdict, .defeater: place(i)
                case .predicate, .exemption, .obligation, .note: break
                }
            }
            plans.append(RuleGraph.RegimePlan(
                regime: regime, order: order, verdicts: verdicts,
                exemptions: members.filter { compiled[$0].role == .exemption },
                obligations: members.filter { if case .obligation = compiled[$0].role { true } else { false } },
                notes: members.filter { if case .note = compiled[$0].role { true } else { false } }))
        }
        return plans
    }

    private func effectiveRegime(_ i: Int, _ compiled: [RuleGraph.Rule]) -> Regime? {
        if let r = rules[i].regime { return r }
        if compiled[i].role == .defeater, let t = rules[i].exceptionTo.first.flatMap({ ruleIndex[$0.id] }) {
            return rules[t].regime
        }
        return nil
    }

    private mutating func checkConflicts(_ verdicts: [Int], _ compiled: [RuleGraph.Rule]) {
        for (k, a) in verdicts.enumerated() {
            for b in verdicts[(k + 1)...] {
                guard case .verdict(let ca, _) = compiled[a].role, case .verdict(let cb, _) = compiled[b].role, ca != cb else { continue }
                if compiled[a].blockers.contains(b) || compiled[b].blockers.contains(a) { continue }
                bag.error(
                    "graph.conflict",
                    "'\(rules[a].id)' (\(ca)) and '\(rules[b].id)' (\(cb)) can both apply with no priority between them",
                    at: rules[a].idRange,
                    notes: [Note("the other rule", at: rules[b].idRange),
                            Note("add 'exception_to: [\(rules[b].id)]' to the rule that should win, or the reverse")])
            }
        }
    }

    /// A predicate nothing refers to can never matter.
    mutating func checkUnreachable(_ compiled: [RuleGraph.Rule]) {
        var used = Set<Int>()
        for rule in compiled { used.formUnion(rule.dependsOn) }
        for (i, rule) in compiled.enumerated() where rule.role == .predicate && !used.contains(i) {
            bag.emit(Diagnostic(
                id: "graph.unreachable", severity: .warning,
                message: "predicate '\(rule.id)' is used by no rule, so it can never affect a verdict",
                range: rules[i].idRange,
                notes: [Note("refer to it with {rule: \(rule.id)}, or make it a verdict with 'then'")]))
        }
    }

    mutating func checkCalendarOverlap() {
        for (k, a) in calendars.enumerated() {
            for b in calendars[(k + 1)...] where a.regime == b.regime && a.kind == b.kind && a.inForce.overlaps(b.inForce) {
                bag.error("calendar.overlap", "calendars '\(a.id)' and '\(b.id)' both set '\(a.kind)' deadlines on the same days",
                          at: b.inForceRange, notes: [Note("the other calendar's dates", at: a.inForceRange)])
            }
        }
    }

    mutating func checkExamples() {
        for rule in rules {
            if rule.examples.isEmpty, requireExamples {
                bag.error("rule.missing-examples", "rule '\(rule.id)' has no examples",
                          at: rule.idRange, notes: [Note("every rule needs an example that triggers it and one that does not")])
            }
            for example in rule.examples {
                if let e = example.extends, fixtures[e] == nil {
                    bag.error("graph.unknown-reference", "no fixture '\(e)'\(suggest(e, Array(fixtures.keys)))",
                              at: example.extendsRange ?? example.range)
                }
                for id in example.deciding + [example.exemption.flatMap { $0 }].compactMap({ $0 }) where ruleIndex[id] == nil {
                    bag.error("graph.unknown-reference", "example '\(example.name)' names no rule '\(id)'\(suggest(id, Array(ruleIndex.keys)))",
                              at: example.expectRange)
                }
                for path in example.questions where factSlots[path] == nil {
                    bag.error("graph.unknown-fact", "example '\(example.name)' expects a question on '\(path)', which is not a fact",
                              at: example.expectRange)
                }
            }
        }
    }
}
