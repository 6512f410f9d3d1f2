import Diagnostics
import RuleCompiler
import Testing

/// Compiles one rule file held in a string.
func compile(_ yaml: String, file: String = "rules.yaml") -> (graph: RuleGraph?, diagnostics: [Diagnostic]) {
    RuleCompiler().compile([(file, yaml)])
}

/// The first diagnostic with `id`, for asserting its place.
func first(_ id: String, in diagnostics: [Diagnostic]) -> Diagnostic? {
    diagnostics.first { $0.id == id }
}

let citation = "{instrument: SCM Agreement, provision: Art. 1, verified: true}"

/// A well-formed predicate rule with both examples, to build broken rule sets around.
func predicate(_ id: String, when: String = "{fact: benefit, is: true}", extra: String = "") -> String {
    """
      - id: \(id)
        title: \(id)
        citation: \(citation)
        in_force: {from: 1995-01-01}
        when: \(when)
    \(extra)
        examples:
          - {name: yes, as_of: 2020-01-01, measure: {benefit: true}, expect: {triggers: true}}
          - {name: no, as_of: 2020-01-01, measure: {benefit: false}, expect: {triggers: false}}

    """
}

@Suite("Rule compiler checks, each on a deliberately broken rule set")
struct CompilerChecksTests {
    @Test func unknownKeyIsReportedAtTheKeyWithASuggestion() {
        let yaml = "rules:\n" + predicate("a.b", extra: "    exeption_to: []")
        let d = first("rule.unknown-key", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 7, column: 5))
        #expect(d?.message.contains("did you mean 'exception_to'") == true)
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let yaml = """
            rules:
              - id: a.b
                title: t
                citation: {instrument: X, provision: Y, verified: yes}
                in_force: {from: 1995-01-01}
                when: {always: true}
            """
        let d = first("yaml.yaml11-boolean", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 4, column: 55))
    }

    @Test func duplicateIdsPointAtTheSecondWithANoteAtTheFirst() {
        let yaml = "rules:\n" + predicate("a.b") + predicate("a.b")
        let d = first("graph.duplicate-id", in: compile(yaml).diagnostics)
        #expect(d?.range?.start.line == 11)
        #expect(d?.notes.first?.range?.start.line == 2)
    }

    @Test func unknownReferenceNamesTheClosestRule() {
        let yaml = "rules:\n" + predicate("wto.subsidy") + predicate("wto.user", when: "{rule: wto.subsidyy}")
        let d = first("graph.unknown-reference", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 15, column: 18))
        #expect(d?.message.contains("did you mean 'wto.subsidy'") == true)
    }

    @Test func unknownFactAndInvalidValueAreLocated() {
        let yaml = "rules:\n" + predicate("a.b", when: "{fact: conditions.export_performanse, is: in-law}")
            + predicate("a.c", when: "{fact: conditions.export_performance, is: in-lw}")
        let diagnostics = compile(yaml).diagnostics
        #expect(first("graph.unknown-fact", in: diagnostics)?.range?.start == SourceLocation(line: 6, column: 11))
        let value = first("graph.invalid-value", in: diagnostics)
        #expect(value?.range?.start.line == 15)
        #expect(value?.message.contains("did you mean 'in-law'") == true)
    }

    @Test func cycleIsOneErrorWithANotePerEdge() {
        let yaml = "rules:\n" + predicate("p.a", when: "{rule: p.b}") + predicate("p.b", when: "{rule: p.c}")
            + predicate("p.c", when: "{rule: p.a}")
        let cycles = compile(yaml).diagnostics.filter { $0.id == "graph.cycle" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.notes.count == 3)
        #expect(cycles.first?.range?.start.line == 2)
    }

    @Test func unreachablePredicateIsAWarning() {
        let yaml = "rules:\n" + predicate("p.lonely")
        let result = compile(yaml)
        let d = first("graph.unreachable", in: result.diagnostics)
        #expect(d?.severity == .warning)
        #expect(d?.range?.start.line == 2)
        #expect(result.graph != nil)
    }

    @Test func unorderedConflictingVerdictsAreAnError() {
        let yaml = """
            rules:
              - id: w.a
                title: a
                regime: wto
                citation: \(citation)
                in_force: {from: 1995-01-01}
                when: {fact: benefit, is: true}
                then: {category: prohibited}
              - id: w.b
                title: b
                regime: wto
                citation: \(citation)
                in_force: {from: 1995-01-01}
                when: {always: true}
                then: {category: actionable}
            """
        let d = first("graph.conflict", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 2, column: 9))
        #expect(d?.notes.first?.range?.start.line == 9)
    }

    @Test func hsCodeOfOddLengthOrNotDigitsIsAnError() {
        let yaml = """
            tables:
              - id: t.codes
                title: codes
                citation: \(citation)
                codes: ["8703", "87.03.21", "870", "87a3"]
            """
        let found = compile(yaml).diagnostics.filter { $0.id == "rule.invalid-hs-code" }
        #expect(found.count == 1, "the list is rejected at its first bad code")
        #expect(found.first?.range?.start == SourceLocation(line: 5, column: 33))  // the opening quote of "870"
        #expect(found.first?.message.contains("expected 2, 4, 6, 8 or 10 digits") == true)
    }

    @Test func invertedDatesAreAnError() {
        let yaml = """
            rules:
              - id: a.b
                title: t
                citation: \(citation)
                in_force: {from: 2000-01-01, until: 1999-01-01}
                when: {always: true}
            """
        let d = first("rule.inverted-dates", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 5, column: 41))
    }

    @Test func overlappingCalendarsAreAnError() {
        let calendar = { (id: String, from: String) in
            """
              - id: \(id)
                regime: eaeu
                kind: quarterly-granted
                title: t
                citation: \(citation)
                in_force: {from: \(from)}
                period: quarter
                covers: previous
                due: {months_after_period_end: 1, day: 30}

            """
        }
        let yaml = "calendars:\n" + calendar("c.one", "2018-04-17") + calendar("c.two", "2020-01-01")
        let d = first("calendar.overlap", in: compile(yaml).diagnostics)
        #expect(d?.range?.start.line == 16)
    }

    @Test func ruleWithoutCitationOrDatesIsAnError() {
        let yaml = """
            rules:
              - id: a.b
                title: t
                when: {always: true}
            """
        let diagnostics = compile(yaml).diagnostics.filter { $0.id == "rule.missing-key" }
        #expect(diagnostics.map(\.message).contains { $0.contains("'citation'") })
        #expect(diagnostics.map(\.message).contains { $0.contains("'in_force'") })
        #expect(diagnostics.allSatisfy { $0.range?.start.line == 2 })
    }

    @Test func ruleWithoutExamplesIsAnError() {
        let yaml = """
            rules:
              - id: a.b
                title: t
                citation: \(citation)
                in_force: {from: 1995-01-01}
                when: {always: true}
            """
        #expect(first("rule.missing-examples", in: compile(yaml).diagnostics)?.range?.start.line == 2)
    }

    @Test func overlappingMemberRowsAreAnError() {
        let yaml = """
            tables:
              - id: t.members
                title: members
                citation: \(citation)
                rows:
                  - {code: KZ, joined: 2015-01-01}
                  - {code: KZ, joined: 2016-01-01}
            """
        #expect(first("table.overlap", in: compile(yaml).diagnostics)?.range?.start.line == 7)
    }

    @Test func aCleanRuleSetCompiles() {
        let yaml = "rules:\n" + predicate("p.a") + predicate("p.b", when: "{rule: p.a}")
        let result = compile(yaml)
        #expect(result.graph != nil)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }

    @Test func hugeNumbersInACalendarAreLocatedErrorsNotATrap() {
        let yaml = """
            calendars:
              - id: c.one
                regime: eaeu
                kind: quarterly-granted
                title: t
                citation: \(citation)
                in_force: {from: 2018-04-17}
                period: quarter
                covers: previous
                due: {months_after_period_end: 1, day: 1e300}
            """
        let d = first("rule.invalid-value", in: compile(yaml).diagnostics)
        #expect(d?.range?.start == SourceLocation(line: 10, column: 44))
    }
}
