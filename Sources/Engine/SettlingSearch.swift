import Measures
import RuleCompiler

extension Settling {
    /// The answer combinations searched one at a time, each a fresh ``Evaluation`` of a ``FactVector``
    /// with the answers set (``ReferenceEvaluator``'s `reachable`, on the compiled program): for the
    /// verdicts whose open facts have too many combinations to try all (``Settling/combinationLimit``),
    /// and the outcomes of the facts given too broadly (answers that replace a known value).
    struct Search {
        let classifier: Classifier
        let regime: EnginePlan.Regime
        let asOf: CalendarDate
        private var graph: RuleGraph { classifier.graph }
        private var plan: EnginePlan { classifier.plan }

        /// The applications of the regime's rules on `facts`, and the immediate category.
        func applications(_ facts: FactVector) -> (applies: [TriValue], category: Category?) {
            var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
            var applies: [TriValue] = []
            classifier.applications(regime, &evaluation, into: &applies)
            let category = regime.verdicts.first { applies[$0] == .true }.flatMap { plan.categories[$0] }
            return (applies, category)
        }

        /// The answers tried for the fact in `slot` (``ReferenceEvaluator/domain(_:asOf:)``).
        func domain(_ slot: Int) -> [FactValue] {
            var answers = plan.answers[slot].map(\.value)
            if plan.isDate[slot] {
                for d in [asOf, asOf.adding(days: -1)] where !answers.contains(.date(d)) { answers.append(.date(d)) }
            }
            return answers
        }

        /// The unknown facts, with answers to try, that a rule whose application is unknown reads.
        func open(_ facts: FactVector, _ applies: [TriValue]) -> [Int] {
            var slots = SlotSet()
            for r in regime.order where applies[r] == .unknown { slots.formUnion(plan.reads[r]) }
            return slots.intersection(facts.unknownSlots).sorted.filter { !domain($0).isEmpty }
        }

        /// The known facts an undecided rule reads that a test still finds unknown (an HS code broader
        /// than a listed line): ``ReferenceEvaluator``'s `imprecise`.
        func imprecise(_ facts: FactVector, _ applies: [TriValue]) -> [Int] {
            var slots = SlotSet()
            for r in regime.order where applies[r] == .unknown { slots.formUnion(plan.reads[r]) }
            var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
            return slots.sorted.filter { slot in
                !facts.isUnknown(slot) && graph.nodes.indices.contains { node in
                    switch graph.nodes[node] {
                    case .fact(let s, let test): s == slot && test.op.mayBeImprecise && evaluation.evaluate(node) == .unknown
                    case .always, .all, .any, .not, .rule, .asOf, .memberOf, .memberAttribute: false
                    }
                }
            }
        }

        private func answering(_ facts: FactVector, _ slot: Int, _ answer: FactValue) -> FactVector {
            facts.setting(slot, to: answer, program: graph.program)
        }

        /// The categories the answers can lead to, added to `found` (``ReferenceEvaluator``'s `reachable`).
        /// The search stops after ``Settling/searchBudget`` partial answers (`budget` counts down):
        /// what it has not explored may lead anywhere, so it then reports two categories (undetermined).
        func reachable(_ facts: FactVector, into found: inout Set<Category>, budget: inout Int) {
            budget -= 1
            if budget < 0 {
                found.formUnion(Settling.searchCut)
                return
            }
            let (applies, category) = applications(facts)
            if let category {
                found.insert(category)
                return
            }
            var allowed = Set<Category>()
            for r in regime.verdicts where applies[r] == .unknown { if let c = plan.categories[r] { allowed.insert(c) } }
            guard !allowed.isSubset(of: found), let slot = open(facts, applies).first else { return }
            for answer in domain(slot) {
                reachable(answering(facts, slot, answer), into: &found, budget: &budget)
                if found.count > 1 { return }
            }
        }

        /// The verdict without questions (``ReferenceEvaluator``'s `verdict(regime:_:questions: false)`).
        func summary(_ facts: FactVector) -> Summary {
            let (applies, immediate) = applications(facts)
            var category = immediate
            var deciding: [Int]
            if let immediate {
                deciding = regime.verdicts.filter { applies[$0] == .true && plan.categories[$0] == immediate }
            } else {
                var found = Set<Category>()
                var budget = classifier.searchBudget
                reachable(facts, into: &found, budget: &budget)
                guard found.count == 1, let settled = found.first else {
                    return Summary(category: nil, deciding: [], exemption: nil, exemptionOpen: false)
                }
                category = settled
                var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
                deciding = regime.verdicts.filter { r in
                    plan.categories[r] == settled && evaluation.condition(of: r) == .true
                        && graph.rules[r].blockers.allSatisfy { applies[$0] == .false || plan.categories[$0] == settled }
                }
            }
            let (exemption, open) = self.exemption(deciding, facts)
            return Summary(category: category, deciding: deciding, exemption: exemption, exemptionOpen: !open.isEmpty)
        }

        /// The exemption suspending a deciding rule, or the unknown exemptions that might (as
        /// ``Classifier``'s `exemption`, without its questions).
        func exemption(_ deciding: [Int], _ facts: FactVector) -> (finding: ExemptionFinding?, open: [Int]) {
            var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
            var open: [Int] = []
            for e in regime.exemptions where deciding.contains(where: graph.rules[e].suspends.contains) {
                var value = evaluation.condition(of: e)
                guard value != .false else { continue }
                let end = plan.windows[e].end(facts: facts)
                if let known = end.known, asOf >= known { continue }
                if end.unknownFacts, value == .true { value = .unknown }
                if value == .true {
                    return (ExemptionFinding(rule: plan.ids[e], until: end.known, citation: plan.citations[e], verified: plan.verified[e]), [])
                }
                open.append(e)
            }
            return (nil, open)
        }
    }
}
