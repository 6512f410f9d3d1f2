import Diagnostics
import Foundation
import Measures
import RuleCompiler
import Testing

/// The compiler reads the measure vocabulary from vocabulary documents among the rule files.
@Suite("Vocabulary in the corpus")
struct VocabularyCompilerTests {
    /// A vocabulary with the three facts every vocabulary needs and one new one.
    static let vocabulary = """
        vocabulary: measure
        facts:
          - {key: id, type: text, required: true}
          - {key: title, type: text, required: true}
          - {key: member_state, type: country, required: true}
          - key: widgets
            type: group
            facts:
              - {key: count, type: number, minimum: 0, question: How many widgets?, help: The number of widgets.}

        """

    static let rule = """
        rules:
          - id: t.widgets
            title: many widgets
            citation: {instrument: T, provision: P, verified: true}
            in_force: {from: 1995-01-01}
            when: {fact: widgets.count, greater_than: 10}
            examples:
              - {name: yes, as_of: 2020-01-01, measure: {widgets: {count: 11}}, expect: {triggers: true}}
              - {name: no, as_of: 2020-01-01, measure: {widgets: {count: 3}}, expect: {triggers: false}}

        """

    @Test func aFactAddedInTheVocabularyIsAFactOfTheRules() throws {
        let (graph, diagnostics) = RuleCompiler().compile([("vocabulary/measure.yaml", Self.vocabulary), ("r.yaml", Self.rule)])
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let g = try #require(graph)
        #expect(g.factPaths == ["id", "title", "member_state", "widgets.count"])
        #expect(g.vocabulary.field("widgets.count")?.question == "How many widgets?")
        // The country and currency tables not declared here are the built-in ones.
        #expect(g.vocabulary.countryCodes.contains("KG") && g.vocabulary.currencyCodes.contains("KGS"))
    }

    @Test func withoutItTheFactIsUnknownAtItsPlace() throws {
        let (graph, diagnostics) = RuleCompiler().compile([("r.yaml", Self.rule)])
        #expect(graph == nil)
        let d = try #require(diagnostics.first { $0.id == "graph.unknown-fact" })
        #expect(d.message.hasPrefix("'widgets.count' is not a fact of the measure contract"))
        #expect(d.range?.start == SourceLocation(line: 6, column: 11))
    }

    @Test func aBrokenVocabularyIsReportedAtItsKeys() throws {
        let broken = """
            vocabulary: measure
            facts:
              - {key: id, type: text}
              - {key: title, type: txet}
              - {key: member_state, type: choice-list, values: [a], stands_alone: [b]}

            """
        let (graph, diagnostics) = RuleCompiler().compile([("v.yaml", broken)])
        #expect(graph == nil)
        let type = try #require(diagnostics.first { $0.message.contains("'txet'") })
        #expect(type.range?.start == SourceLocation(line: 4, column: 24))
        #expect(type.message.contains("did you mean 'text'"))
        let alone = try #require(diagnostics.first { $0.message.contains("'b' is not a value of 'member_state'") })
        #expect(alone.range?.start.line == 5)
    }

    @Test func aVocabularyWithoutTheCoreFactsIsRefused() throws {
        let (graph, diagnostics) = RuleCompiler().compile([("v.yaml", "vocabulary: measure\nfacts:\n  - {key: id, type: text}\n")])
        #expect(graph == nil)
        #expect(diagnostics.contains { $0.id == "vocabulary.missing-fact" && $0.message.contains("'member_state' as country") })
    }

    @Test func claimableExemptionsAreTheRulesThatRequireTheirOwnClaim() throws {
        let yaml = """
            rules:
              - id: t.verdict
                title: verdict
                regime: wto
                citation: {instrument: T, provision: P, verified: true}
                in_force: {from: 1995-01-01}
                when: {fact: benefit, is: true}
                then: {category: prohibited}
                examples: []
              - id: t.claimed
                title: claimed
                regime: wto
                citation: {instrument: T, provision: P, verified: true}
                in_force: {from: 1995-01-01}
                when:
                  all:
                    - {fact: member_state, is: KG}
                    - {fact: transitional_measures, contains: t.claimed}
                then: {exemption: {until: 2030-01-01}, suspends: [t.verdict]}
                examples: []
              - id: t.automatic
                title: applies without a claim
                regime: wto
                citation: {instrument: T, provision: P, verified: true}
                in_force: {from: 1995-01-01}
                when: {fact: benefit, is: false}
                then: {exemption: {until: 2030-01-01}, suspends: [t.verdict]}
                examples: []
              - id: t.misspelt
                title: tests a claim nobody can make
                regime: wto
                citation: {instrument: T, provision: P, verified: true}
                in_force: {from: 1995-01-01}
                when: {fact: transitional_measures, contains: t.claimd}
                examples: []

            """
        let (_, diagnostics) = RuleCompiler(requireExamples: false).compile([("r.yaml", yaml)])
        let d = try #require(diagnostics.first { $0.message.contains("'t.claimd' is not a claimable exemption") })
        #expect(d.message.contains("did you mean 't.claimed'?"))
        #expect(d.range?.start.line == 34)
        let valid = yaml.replacingOccurrences(of: "contains: t.claimd}", with: "contains: t.claimed}")
        let (graph, more) = RuleCompiler(requireExamples: false).compile([("r.yaml", valid)])
        #expect(!more.contains { $0.severity == .error }, "\(more.map(\.message))")
        #expect(try #require(graph).vocabulary.claimable == ["t.claimed"])
    }
}
