@testable import Engine
import Measures
import RuleCompiler
import Testing

/// A verdict that no rule decides at once is settled (or left undetermined) from the answer
/// combinations of its open facts: all of them tried at once when they are few (``Combinations``),
/// else searched breadth first (``LaneSearch``). The two must give the same verdicts, questions
/// and outcomes; the reference comparison (``ReferenceEquivalenceTests``) sees mostly the first.
@Suite("Settling: the breadth-first search gives what every combination gives")
struct SettlingPathsTests {
    static let graph = FastPathEquivalenceTests.graph
    static let combining = FastPathEquivalenceTests.classifier
    /// Never tries the combinations: every undecided verdict and outcome is searched.
    static let searching = Classifier(graph: graph, combinationLimit: 0)

    @Test("same verdicts, grounds, exemptions, questions and outcomes on 30 generated measures at 2 dates")
    func searchEqualsCombinations() {
        var generator = MeasureGenerator(seed: 2026_12_02)
        var undecided = 0, questions = 0
        for measure in (0..<30).compactMap({ _ in generator.next() }) {
            for asOf in [FastPathEquivalenceTests.dates[1], FastPathEquivalenceTests.dates[3]] {
                let combined = Self.combining.classify(measure, asOf: asOf)
                let searched = Self.searching.classify(measure, asOf: asOf)
                for (a, b) in zip(combined.verdicts, searched.verdicts) {
                    #expect("\(a)" == "\(b)", "\(measure.id) \(a.regime) \(asOf)")
                    if !a.questions.isEmpty { undecided += 1 }
                    questions += a.questions.count
                }
            }
        }
        // Enough verdicts went through the search for the comparison to mean something.
        #expect(undecided > 10)
        #expect(questions > 30)
    }

    /// A search cut short by its budget never claims a settled category it did not prove: every
    /// verdict is the full search's, or `undetermined` with questions where the full search
    /// settled it; every outcome likewise.
    @Test("a search past its budget leaves the verdict undetermined, never wrongly settled, and always ends")
    func aSearchPastItsBudgetStaysUndetermined() {
        let cut = Classifier(graph: Self.graph, combinationLimit: 0, searchBudget: 1)
        var generator = MeasureGenerator(seed: 2026_12_02)
        var differed = 0
        for measure in (0..<30).compactMap({ _ in generator.next() }) {
            for asOf in [FastPathEquivalenceTests.dates[1], FastPathEquivalenceTests.dates[3]] {
                let full = Self.searching.classify(measure, asOf: asOf)
                let limited = cut.classify(measure, asOf: asOf)
                for (a, b) in zip(full.verdicts, limited.verdicts) {
                    if a.category != b.category { differed += 1 }
                    #expect(b.category == a.category || b.category == .undetermined, "\(measure.id) \(a.regime) \(asOf)")
                    if b.category == .undetermined { #expect(!b.questions.isEmpty, "\(measure.id) \(a.regime) \(asOf)") }
                    for (qa, qb) in zip(a.questions, b.questions) where qa.fact == qb.fact {
                        for (oa, ob) in zip(qa.outcomes, qb.outcomes) {
                            if ob.category != oa.category { differed += 1 }
                            #expect(ob.category == oa.category || ob.category == .undetermined, "\(measure.id) \(qa.fact)")
                        }
                    }
                }
            }
        }
        // A budget of one partial answer cuts searches here (else the test shows nothing).
        #expect(differed > 0)
    }
}
