import Driver
import Engine
import Measures
import RuleCompiler
import Testing
import YAMLLoader

/// Compiles a rule file held in a string; fails the test when it does not compile.
func graph(_ yaml: String) throws -> RuleGraph {
    let (graph, diagnostics) = RuleCompiler(requireExamples: false).compile([("rules.yaml", yaml)])
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))")
    return try #require(graph)
}

/// Decodes a measure held in a string, with the vocabulary of `rules` (the built-in one without
/// claimable exemptions when not given).
func measure(_ yaml: String, rules: RuleGraph? = nil) throws -> Measure {
    let loaded = YAMLLoader().load(yaml, file: "m.yaml")
    let (measure, problems) = MeasureDecoder(vocabulary: rules?.vocabulary ?? .builtIn).decode(try #require(loaded.documents.first), file: "m.yaml")
    #expect(problems.isEmpty, "\(problems.map(\.message))")
    return try #require(measure)
}

func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

let cite = "{instrument: T, provision: P, verified: true}"

/// A predicate `p` with the given condition, and a verdict ladder that exposes its value:
/// `prohibited` when p, `actionable` otherwise.
func ladder(_ condition: String) -> String {
    """
    rules:
      - id: p
        title: p
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: \(condition)
        examples: []
      - id: w.yes
        title: yes
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {rule: p}
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
}

func category(_ rules: String, _ facts: String, asOf: String = "2020-01-01") throws -> RegimeVerdict {
    let g = try graph(ladder(rules))
    let m = try measure("id: x\ntitle: x\nmember_state: KZ\n" + facts)
    let c = Classifier(graph: g).classify(m, asOf: date(asOf))
    return try #require(c.verdicts.first { $0.regime == .wto })
}

@Suite("Three-valued logic")
struct ThreeValuedLogicTests {
    @Test func unknownFactIsNeverFalse() throws {
        let v = try category("{not: {fact: benefit, is: true}}", "")
        #expect(v.category == .undetermined)
        #expect(v.questions.map(\.fact) == ["benefit"])
    }

    @Test func allIsFalseWhenAnyPartIsFalseEvenWithUnknowns() throws {
        let v = try category("{all: [{fact: benefit, is: true}, {fact: conditions.export_performance, is: in-law}]}",
                             "conditions: {export_performance: none}")
        #expect(v.category == .actionable)
    }

    @Test func allIsUnknownWhenNothingIsFalseAndSomethingIsUnknown() throws {
        let v = try category("{all: [{fact: benefit, is: true}, {fact: conditions.export_performance, is: in-law}]}",
                             "conditions: {export_performance: in-law}")
        #expect(v.category == .undetermined)
        #expect(v.questions.first?.fact == "benefit")
        #expect(v.questions.first?.settles == true)
    }

    @Test func anyIsTrueWhenAnyPartIsTrueEvenWithUnknowns() throws {
        let v = try category("{any: [{fact: benefit, is: true}, {fact: conditions.export_performance, is: in-law}]}",
                             "conditions: {export_performance: in-law}")
        #expect(v.category == .prohibited)
        #expect(v.grounds == ["g"])
    }

    @Test func notOfUnknownIsUnknown() throws {
        let v = try category("{not: {fact: conditions.export_performance, in: [in-law, in-fact]}}",
                             "conditions: {export_performance: unknown}")
        #expect(v.category == .undetermined)
        #expect(v.questions.map(\.fact) == ["conditions.export_performance"])
    }

    @Test func factsReadCarryTheirSourceLines() throws {
        let v = try category("{fact: benefit, is: true}", "benefit: true")
        #expect(v.category == .prohibited)
        #expect(v.factsRead.first { $0.path == "benefit" }?.range?.start.line == 4)
    }
}
