import Engine
import Foundation
import Measures
import RuleCompiler
import Testing

/// `hs_none_in`, the operator added as a new maintainer would (Sources/RuleCompiler/Operators/
/// HSNoneIn.swift and its case in FactTest.swift, since folded into HSCodesIn.swift): decoded, checked, evaluated by the fast engine
/// (on its general node) and by the reference evaluator alike, worded, and questioned.
@Suite("A fact-test operator: hs_none_in")
struct FactOperatorTests {
    static let rules = """
        tables:
          - id: t.agri
            title: agricultural lines
            citation: \(cite)
            codes: ["0101", "02"]
        rules:
          - id: w.industrial
            title: no agricultural good
            regime: wto
            citation: \(cite)
            in_force: {from: 1995-01-01}
            when: {fact: goods.hs, hs_none_in: t.agri}
            then: {category: prohibited, ground: g}
            exception_to: [w.default]
            examples: []
          - id: w.default
            title: default
            regime: wto
            citation: \(cite)
            in_force: {from: 1995-01-01}
            when: {always: true}
            then: {category: actionable}
            examples: []
        """

    /// The WTO verdict on a measure with these codes (none: `goods.hs` unknown), after checking that
    /// the reference evaluator gives the same category.
    func verdict(_ codes: [String]?) throws -> RegimeVerdict {
        let g = try graph(Self.rules)
        let goods = codes.map { "goods: {hs: [" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]}\n" } ?? ""
        let m = try measure("id: x\ntitle: x\nmember_state: KZ\n" + goods, rules: g)
        let verdict = try #require(Classifier(graph: g).classify(m, asOf: date("2020-01-01")).verdicts.first { $0.regime == .wto })
        let reference = ReferenceEvaluator(graph: g)
        let k = try #require(g.regimes.firstIndex { $0.regime == .wto })
        let meant = reference.verdict(regime: k, facts: reference.facts(of: m), asOf: date("2020-01-01"))
        #expect(meant.category == verdict.category)
        return verdict
    }

    @Test func codesOutsideTheTableMeetIt() throws {
        #expect(try verdict(["8703"]).category == .prohibited)
        #expect(try verdict(["8703", "2905"]).category == .prohibited)
    }

    @Test func aCodeUnderALineFailsItAndSaysWhatItNeeds() throws {
        let v = try verdict(["8703", "020110"])
        #expect(v.category == .actionable)
        let considered = try #require(v.considered.first { $0.rule == "w.industrial" })
        #expect(considered.reason == "does not apply: goods.hs is [8703, 020110] (needs none within 't.agri')")
    }

    @Test func aCodeBroaderThanALineLeavesItOpenAndIsAsked() throws {
        let v = try verdict(["01"])
        #expect(v.category == .undetermined)
        #expect(v.questions.map(\.fact) == ["goods.hs"])
    }

    @Test func unknownCodesAreAskedWithACodeOfTheTableAndOneOutside() throws {
        let v = try verdict(nil)
        #expect(v.category == .undetermined)
        let question = try #require(v.questions.first { $0.fact == "goods.hs" })
        #expect(Set(question.outcomes.map(\.category)) == [.prohibited, .actionable])
    }

    @Test func itTestsOnlyTheHSListAndNamesAKnownCodeTable() {
        let wrongFact = Self.rules.replacingOccurrences(of: "{fact: goods.hs, hs_none_in: t.agri}", with: "{fact: benefit, hs_none_in: t.agri}")
        let (_, d1) = RuleCompiler(requireExamples: false).compile([("rules.yaml", wrongFact)])
        #expect(d1.contains { $0.id == "graph.type-mismatch" && $0.message.contains("HS tests need the HS code list fact") })
        let wrongTable = Self.rules.replacingOccurrences(of: "hs_none_in: t.agri}", with: "hs_none_in: t.agr}")
        let (_, d2) = RuleCompiler(requireExamples: false).compile([("rules.yaml", wrongTable)])
        #expect(d2.contains { $0.id == "graph.unknown-reference" && $0.message.contains("did you mean 't.agri'") })
    }

    @Test func itsRussianPhraseIsOneTheCatalogueMustHave() {
        #expect(FactTest.russianPhrases.contains("reason-needs-none-within"))
    }

    /// Every operator key the decoder accepts is documented in the rule language's table.
    @Test func everyOperatorKeyHasItsRowInTheRuleLanguage() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/rule-language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `{fact: P") }
        for key in FactTest.keys {
            #expect(rows.contains { $0.contains("\(key):") || $0.contains("`\(key)`") }, "no row for '\(key)' in Docs/rule-language.md")
        }
        #expect(FactTest.keys.contains("hs_none_in"))
    }
}
