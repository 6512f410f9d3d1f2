@testable import Engine
import Measures
import Testing

/// `lint` classifies with ``ClassificationDetail/verdicts``: no outcomes, no explanations. What it
/// skips must never change what it reads: every verdict (settled ones included), its grounds,
/// rules, citations, exemption and `locate`, an undetermined verdict's ranked questions, and the
/// obligations with their status.
@Suite("Classification detail: leaving out explanations changes no verdict")
struct ClassificationDetailTests {
    static let classifier = FastPathEquivalenceTests.classifier

    static func undetermined(_ v: RegimeVerdict) -> Bool { v.category == .undetermined }

    /// What a lint report reads of a classification, as text.
    static func verdicts(_ c: Classification) -> [String] {
        c.verdicts.map { v in
            let asked = Self.undetermined(v)
                ? v.questions.map { "\($0.fact)/\($0.rule)/\($0.settles)" } : []
            return "\(v.regime): \(v.category) \(v.grounds) \(v.rules) \(v.citations) \(v.unverified) "
                + "exemption \(v.exemption.map { "\($0.rule) \($0.until?.description ?? "-") \($0.verified)" } ?? "-") "
                + "locate \(v.locate.map { "\($0.path)=\($0.value) \($0.range.map { "\($0)" } ?? "-")" } ?? "-") questions \(asked)"
        } + c.obligations.map { o in
            "\(o.regime) \(o.rule) \(o.kind) \(o.covers) \(o.due) \(o.status.rawValue) past \(o.past)"
        }
    }

    @Test("the same verdicts, questions of undetermined verdicts and obligations as the full classification")
    func lintDetailKeepsVerdicts() {
        var settledWithQuestions = 0, conditional = 0, explained = 0
        for measure in FastPathEquivalenceTests.measures {
            for asOf in FastPathEquivalenceTests.dates {
                // (With outcomes: without them, an undetermined verdict's combinations stop at its
                // second category, which lint's detail does too.)
                let full = Self.classifier.classify(measure, asOf: asOf, detail: .full)
                let lint = Self.classifier.classify(measure, asOf: asOf, detail: .verdicts)
                #expect(Self.verdicts(lint) == Self.verdicts(full), "\(measure.id) \(asOf)")
                for (a, b) in zip(full.verdicts, lint.verdicts) {
                    if !Self.undetermined(a), !a.questions.isEmpty { settledWithQuestions += 1 }
                    if !a.considered.isEmpty || !a.factsRead.isEmpty { explained += 1 }
                    // What was left out is empty, not stale.
                    #expect(b.considered.isEmpty && b.factsRead.isEmpty && b.notes.isEmpty && b.exemptionQuestions.isEmpty)
                    #expect(b.questions.allSatisfy { $0.outcomes.isEmpty })
                    if !Self.undetermined(b) { #expect(b.questions.isEmpty, "\(measure.id) \(asOf)") }
                }
                // A conditional duty is conditional on every unknown fact its rule reads, among them
                // those that decide it.
                for (a, b) in zip(full.obligations, lint.obligations) where a.status == .conditional {
                    conditional += 1
                    #expect(Set(a.conditionalOn).isSubset(of: Set(b.conditionalOn)), "\(measure.id) \(asOf) \(a.rule)")
                }
            }
        }
        // The comparison covers what is skipped: settled verdicts with questions, conditional duties
        // narrowed by trying answers, explanations.
        #expect(settledWithQuestions > 10)
        #expect(conditional > 100)
        #expect(explained > 500)
    }

    @Test("questions' outcomes are left out only when not asked for")
    func outcomesOnlyWhenAsked() throws {
        let measure = try #require(FastPathEquivalenceTests.measures.first { m in
            Self.classifier.classify(m, asOf: FastPathEquivalenceTests.dates[3]).verdicts.contains { !$0.questions.isEmpty }
        })
        let asOf = FastPathEquivalenceTests.dates[3]
        let full = Self.classifier.classify(measure, asOf: asOf)
        let without = Self.classifier.classify(measure, asOf: asOf, detail: .withoutOutcomes)
        for (a, b) in zip(full.verdicts, without.verdicts) where !a.questions.isEmpty {
            #expect(a.questions.allSatisfy { !$0.outcomes.isEmpty })
            #expect(b.questions.allSatisfy { $0.outcomes.isEmpty })
            #expect(a.questions.map(\.fact) == b.questions.map(\.fact))
        }
    }
}
