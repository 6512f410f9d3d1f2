@testable import Engine
import Measures
import Testing

/// The unknown facts a conditional notification duty turns on (`ObligationDue.conditionalOn`) are
/// worked out for all answers at once (``AnswerWorlds``): they must be those found by trying each
/// answer to each fact alone in a fresh evaluation.
@Suite("Obligations: the facts a duty turns on, in one pass, equal trying each answer alone")
struct ConditionFactsTests {
    @Test("every obligation rule, example and generated measures, four dates")
    func onePassEqualsTrials() {
        let classifier = FastPathEquivalenceTests.classifier, graph = classifier.graph, plan = classifier.plan
        var workspace = Workspace()
        var compared = 0, narrowed = 0
        for measure in FastPathEquivalenceTests.measures {
            let facts = FactVector(measure: measure, graph: graph)
            for asOf in FastPathEquivalenceTests.dates {
                for rule in graph.rules.indices where plan.obligations[rule] != nil {
                    let open = plan.reads[rule].intersection(facts.unknownSlots).sorted
                    guard open.count > 1 else { continue }
                    let deciding = open.filter { slot in
                        plan.answers[slot].isEmpty || plan.answers[slot].contains { answer in
                            let answered = facts.setting(slot, to: answer.value, program: graph.program)
                            var evaluation = Evaluation(graph: graph, facts: answered, asOf: asOf)
                            return evaluation.condition(of: rule) != .unknown
                        }
                    }
                    let expected = (deciding.isEmpty ? open : deciding).map { graph.factPaths[$0] }
                    let got = classifier.conditionFacts(of: rule, on: asOf, facts, &workspace)
                    #expect(got == expected, "\(measure.id) \(asOf) \(plan.ids[rule])")
                    compared += 1
                    if got.count < open.count { narrowed += 1 }
                }
            }
        }
        #expect(compared > 100)
        #expect(narrowed > 20)
    }
}
