@testable import Engine
import Measures
import RuleCompiler
import Testing

/// ``DateChanges``: a past due date reuses today's rule values only when no rule, member row or
/// date test can change in between.
@Suite("Days on which rule values may change")
struct DateChangesTests {
    @Test("a rule lapsing, a member joining in between: not the same; changes of rules not read: the same")
    func boundaries() throws {
        let g = try graph(corpus)
        func changes(_ id: String) throws -> DateChanges {
            DateChanges(graph: g, rule: try #require(g.rules.firstIndex { $0.id == id }), dateSlots: [])
        }
        let facts = FactVector(measure: try measure("id: x\ntitle: x\nmember_state: KZ\n"), graph: g)
        // wto.actionable may be defeated by wto.art8, which lapsed on 2000-01-01.
        #expect(!(try changes("wto.actionable")).same(date("1999-06-30"), date("2000-06-30"), facts: facts))
        #expect(try changes("wto.actionable").same(date("2016-01-01"), date("2026-12-02"), facts: facts))
        // wto.subsidy reads facts only: in force since 1995-01-01.
        #expect(try changes("wto.subsidy").same(date("1999-06-30"), date("2026-12-02"), facts: facts))
        #expect(!(try changes("wto.subsidy")).same(date("1994-06-30"), date("1995-06-30"), facts: facts))
        // wto.not-member reads the member table: KZ joined on 2015-11-30.
        #expect(!(try changes("wto.not-member")).same(date("2015-11-29"), date("2015-11-30"), facts: facts))
        #expect(try changes("wto.not-member").same(date("2015-11-30"), date("2015-12-31"), facts: facts))
    }

    @Test("a test of a date fact against the evaluation date makes the measure's dates count")
    func factDates() throws {
        let dated = corpus.replacingOccurrences(
            of: "when: {fact: purposes, contains: research}",
            with: "when: {all: [{fact: purposes, contains: research}, {fact: period.until, after: as_of}]}")
        #expect(dated != corpus)
        let g = try graph(dated)
        let slot = try #require(g.factSlots["period.until"])
        let art8 = try #require(g.rules.firstIndex { $0.id == "wto.art8" })
        let changes = DateChanges(graph: g, rule: art8, dateSlots: [slot])
        let facts = FactVector(measure: try measure("id: x\ntitle: x\nmember_state: KZ\nperiod: {from: 2020-01-01, until: 2026-06-30}\n"), graph: g)
        #expect(!changes.same(date("2026-01-01"), date("2026-12-02"), facts: facts), "period.until 2026-06-30 in between")
        #expect(!changes.same(date("1999-06-30"), date("2000-06-30"), facts: facts), "wto.art8 lapsed on 2000-01-01")
    }
}
