import Engine
import Measures
import RuleCompiler
import Testing

/// A small real-law-shaped corpus: SCM Art 1 (subsidy), Art 3.1(a) (export contingency) with the
/// Annex I item (k) OECD defeater, Art 8 (lapsed after 1999) and a dated exemption.
let corpus = """
    tables:
      - id: wto.members
        title: members
        citation: \(cite)
        rows:
          - {code: KZ, joined: 2015-11-30}
    rules:
      - id: wto.subsidy
        title: subsidy
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {all: [{fact: granting_body.kind, in: [government, public-body]}, {fact: benefit, is: true}]}
        examples: []
      - id: wto.not-member
        title: not a member
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {not: {member_of: wto.members}}
        then: {category: not-applicable}
        exception_to: [wto.not-a-subsidy]
        examples: []
      - id: wto.not-a-subsidy
        title: not a subsidy
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {not: {rule: wto.subsidy}}
        then: {category: not-a-subsidy}
        exception_to: [wto.export]
        examples: []
      - id: wto.export
        title: export contingent
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {fact: conditions.export_performance, in: [in-law, in-fact]}
        then: {category: prohibited, ground: export-contingent}
        exception_to: [wto.art8]
        locate: conditions.export_performance
        examples: []
      - id: wto.oecd
        title: OECD export credit
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {all: [{fact: forms, any_of: [export-credit]}, {fact: export_credit.oecd_arrangement, is: true}]}
        exception_to: [wto.export]
        examples: []
      - id: wto.art8
        title: research (lapsed)
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01, until: 2000-01-01}
        when: {fact: purposes, contains: research}
        then: {category: non-actionable}
        exception_to: [wto.actionable]
        examples: []
      - id: wto.actionable
        title: actionable
        regime: wto
        citation: \(cite)
        in_force: {from: 1995-01-01}
        when: {always: true}
        then: {category: actionable}
        examples: []
      - id: wto.accession.KZ.auto-assembly
        title: exemption
        regime: wto
        citation: \(cite)
        in_force: {from: 2015-11-30}
        when: {fact: transitional_measures, contains: wto.accession.KZ.auto-assembly}
        then: {exemption: {until: 2018-01-01}, suspends: [wto.export]}
        examples: []
    """

func wto(_ facts: String, asOf: String) throws -> RegimeVerdict {
    let g = try graph(corpus)
    let m = try measure("id: x\ntitle: x\nmember_state: KZ\ngranting_body: {kind: government}\n" + facts, rules: g)
    return try #require(Classifier(graph: g).classify(m, asOf: date(asOf)).verdicts.first { $0.regime == .wto })
}

@Suite("Priority, dates and exceptions")
struct PriorityAndDatesTests {
    @Test func membershipStartsOnTheAccessionDate() throws {
        let facts = "benefit: true\nforms: [grant]\nconditions: {export_performance: in-law}\n"
        #expect(try wto(facts, asOf: "2015-11-29").category == .notApplicable)
        #expect(try wto(facts, asOf: "2015-11-30").category == .prohibited)
    }

    @Test func higherRuleWinsAndTheLowerIsNotListed() throws {
        let v = try wto("benefit: false\nforms: [grant]\nconditions: {export_performance: in-law}\n", asOf: "2020-01-01")
        #expect(v.category == .notASubsidy)
        #expect(v.rules == ["wto.not-a-subsidy"])
    }

    @Test func defeaterStopsOnlyTheRuleItNames() throws {
        let facts = "benefit: true\nforms: [export-credit]\nexport_credit: {oecd_arrangement: true}\nconditions: {export_performance: in-law}\n"
        let v = try wto(facts, asOf: "2020-01-01")
        #expect(v.category == .actionable)
        // Actionable's only exception, Art 8, was considered and had lapsed.
        #expect(v.considered.map(\.rule) == ["wto.art8"])
        #expect(v.considered.first?.status == .notInForce)
    }

    @Test func whyNotNamesTheExceptionAndItsFact() throws {
        let facts = "benefit: true\nforms: [export-credit]\nexport_credit: {oecd_arrangement: false}\nconditions: {export_performance: in-law}\n"
        let v = try wto(facts, asOf: "2020-01-01")
        #expect(v.category == .prohibited)
        let oecd = try #require(v.considered.first { $0.rule == "wto.oecd" })
        #expect(oecd.status == .notApplied)
        #expect(oecd.reason.contains("export_credit.oecd_arrangement is false"))
        #expect(v.locate?.path == "conditions.export_performance")
        #expect(v.locate?.range?.start.line == 8)
    }

    @Test func lapsedRuleNoLongerDecides() throws {
        let facts = "benefit: true\nforms: [grant]\npurposes: [research]\nconditions: {export_performance: none}\n"
        #expect(try wto(facts, asOf: "1999-12-31").category == .notApplicable)  // KZ not yet a member
        let v = try wto(facts, asOf: "2020-01-01")
        #expect(v.category == .actionable)
    }

    @Test func exemptionSuspendsUntilItsEndDateExclusive() throws {
        let facts = "benefit: true\nforms: [grant]\nconditions: {export_performance: in-law}\ntransitional_measures: [wto.accession.KZ.auto-assembly]\n"
        let during = try wto(facts, asOf: "2017-12-31")
        #expect(during.category == .prohibited)
        #expect(during.exemption?.rule == "wto.accession.KZ.auto-assembly")
        #expect(during.exemption?.until == date("2018-01-01"))
        let after = try wto(facts, asOf: "2018-01-01")
        #expect(after.category == .prohibited)
        #expect(after.exemption == nil)
    }

    @Test func unclaimedExemptionDoesNotApply() throws {
        let v = try wto("benefit: true\nforms: [grant]\nconditions: {export_performance: in-law}\n", asOf: "2017-06-01")
        #expect(v.exemption == nil)
    }

    @Test func questionsAreRankedByHowMuchTheySettle() throws {
        // Unknown: benefit (settles: false → not a subsidy, true → prohibited) and the OECD fact
        // (only an export credit could be saved by it, and forms is known to be a grant: not asked).
        let v = try wto("forms: [grant]\nconditions: {export_performance: in-law}\n", asOf: "2020-01-01")
        #expect(v.category == .undetermined)
        #expect(v.questions.first?.fact == "benefit")
        #expect(v.questions.first?.settles == true)
        #expect(!v.questions.contains { $0.fact == "export_credit.oecd_arrangement" })
    }

    @Test func aQuestionThatSettlesOnlySomeAnswersRanksBelowOneThatSettlesAll() throws {
        // benefit unknown and export_performance unknown: benefit=false settles (not a subsidy),
        // benefit=true does not (export still open); export_performance answers never settle alone.
        let v = try wto("forms: [grant]\nconditions: {export_performance: unknown}\n", asOf: "2020-01-01")
        #expect(v.category == .undetermined)
        let facts = v.questions.map(\.fact)
        #expect(Set(facts).isSuperset(of: ["benefit", "conditions.export_performance"]))
        #expect(v.questions.allSatisfy { !$0.settles })
    }
}
