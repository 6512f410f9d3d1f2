import Foundation
import TestSupport
import Testing

/// `classify`'s obligations follow the measure's own period (contract v1.1, "Obligations"),
/// through the built binary: the periods in which the measure grants support, the last one due
/// before the date as `overdue`, the next as `due`, `conditional` on unknown facts, nothing after
/// the measure's last reporting period.
@Suite("classify: obligations bound to the measure's period")
struct ObligationPeriodTests {
    /// A Kazakh export grant (prohibited under both regimes, a subsidy to notify under both).
    static func measure(period: String, benefit: String = "true", member: String = "KZ") -> String {
        """
        id: OBLIGATION-TEST
        title: Grant for exporters of household refrigerators
        member_state: \(member)
        granting_body:
          kind: government
          level: national
          name: Ministry of Trade and Integration
        legal_basis: Draft Order "On export support"
        \(period)
        goods:
          hs: ["8418"]
          services_linked_to_goods: false
        forms: [grant]
        benefit: \(benefit)
        eligibility:
          limited_to: [none]
        conditions:
          export_performance: in-law
          export_destinations: [any]
          domestic_goods: none
          production_location: none

        """
    }

    /// `classify --format json` of `text` as of `asOf`: the obligations.
    static func obligations(_ text: String, asOf: String) throws -> [[String: Any]] {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("measure.yaml", text)
        let output = try SubsidyCLI.run(["classify", path, "--as-of", asOf, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        return try #require(json["obligations"] as? [[String: Any]])
    }

    static func entry(_ list: [[String: Any]], kind: String, covers: String) -> [String: Any]? {
        list.first { $0["kind"] as? String == kind && $0["covers"] as? String == covers }
    }

    @Test("a measure starting 2027-01-01, on 2026-12-02: 2027-Q1 due, the 2027 planned list overdue, nothing for 2026")
    func startsNextYear() throws {
        let list = try Self.obligations(Self.measure(period: "period:\n  from: 2027-01-01"), asOf: "2026-12-02")
        let quarter = try #require(Self.entry(list, kind: "quarterly-granted", covers: "2027-Q1"), "\(list)")
        #expect(quarter["due"] as? String == "2027-04-30")
        #expect(quarter["status"] as? String == "due")
        #expect(quarter["regime"] as? String == "eaeu" && quarter["rule"] as? String == "eaeu.annex28.para97")
        #expect(quarter["citation"] is String)
        #expect(quarter["next_due"] as? String == "2027-04-30", "the v1 key stays, naming the due date")
        let planned = try #require(Self.entry(list, kind: "annual-planned", covers: "2027"), "\(list)")
        #expect(planned["due"] as? String == "2026-12-01")
        #expect(planned["status"] as? String == "overdue")
        let covering2026 = list.filter { ($0["covers"] as? String)?.contains("2026") == true }
        #expect(covering2026.isEmpty, "nothing covering 2026: \(covering2026)")
        #expect(list.allSatisfy { $0["conditional_on"] == nil }, "all facts known: nothing conditional")
    }

    @Test("a measure that ended on 2016-12-31 owes nothing on 2026-12-02")
    func endedLongAgo() throws {
        let list = try Self.obligations(
            Self.measure(period: "period:\n  from: 2013-01-01\n  until: 2016-12-31"), asOf: "2026-12-02")
        #expect(list.isEmpty, "\(list)")
    }

    @Test("period.until is the last day of support: a measure ending 2026-12-31 owes 2026-Q4, not the 2027 planned list")
    func lastDayIsInclusive() throws {
        let list = try Self.obligations(
            Self.measure(period: "period:\n  from: 2026-01-01\n  until: 2026-12-31"), asOf: "2026-12-02")
        #expect(Self.entry(list, kind: "quarterly-granted", covers: "2026-Q4")?["due"] as? String == "2027-01-30")
        #expect(Self.entry(list, kind: "quarterly-granted", covers: "2026-Q3")?["status"] as? String == "overdue")
        #expect(Self.entry(list, kind: "annual-planned", covers: "2027") == nil, "\(list)")
        #expect(list.allSatisfy { !(($0["covers"] as? String)?.contains("2027") ?? false) }, "\(list)")
    }

    @Test("a past due date is owed only if the rule applied then: Kazakhstan joined the WTO on 2015-11-30")
    func pastDutiesUnderThePastLaw() throws {
        let list = try Self.obligations(
            Self.measure(period: "period:\n  from: 2013-01-01\n  until: 2016-12-31"), asOf: "2015-12-15")
        #expect(Self.entry(list, kind: "full", covers: "2013/2014") == nil, "due 2015-06-30, before accession: \(list)")
        #expect(Self.entry(list, kind: "full", covers: "2015/2016")?["status"] as? String == "due")
        #expect(Self.entry(list, kind: "annual-planned", covers: "2016")?["status"] as? String == "overdue")
    }

    @Test("the last period of a notification round that ended before the date is still listed as overdue")
    func roundEndedBeforeTheDate() throws {
        // The 2003 new and full round (rule in force 2002-07-01 to 2003-07-01) was due on 2003-06-30.
        let text = Self.measure(period: "period:\n  from: 2000-01-01", member: "US")
            .replacingOccurrences(of: "limited_to: [none]", with: "limited_to: [industries]\n  industries: [refrigerators]")
            .replacingOccurrences(of: "export_performance: in-law", with: "export_performance: none")
            .replacingOccurrences(of: "  export_destinations: [any]\n", with: "")
        let list = try Self.obligations(text, asOf: "2003-08-01")
        let round = try #require(Self.entry(list, kind: "full", covers: "2002"), "\(list)")
        #expect(round["due"] as? String == "2003-06-30")
        #expect(round["status"] as? String == "overdue")
        #expect(round["rule"] as? String == "wto.scm.art25-2.full-notification-2003")
        #expect(Self.entry(list, kind: "full", covers: "2003/2004")?["status"] as? String == "due")
    }

    @Test("benefit unknown: the duties are listed as conditional on it, and the memo does not say none")
    func unknownBenefitIsConditional() throws {
        let text = Self.measure(period: "period:\n  from: 2027-01-01", benefit: "unknown")
        let list = try Self.obligations(text, asOf: "2026-12-02")
        #expect(!list.isEmpty)
        for o in list {
            #expect(o["status"] as? String == "conditional", "\(o)")
            #expect((o["conditional_on"] as? [String])?.contains("benefit") == true, "\(o)")
        }
        #expect(Self.entry(list, kind: "quarterly-granted", covers: "2027-Q1")?["due"] as? String == "2027-04-30")
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("measure.yaml", text)
        let memo = String(decoding: try SubsidyCLI.run(["classify", path, "--as-of", "2026-12-02"]).stdout, as: UTF8.self)
        #expect(!memo.contains("None triggered"))
        #expect(memo.contains("Are the terms more favourable than the market?"))
        #expect(memo.contains("conditional on benefit"))
    }

    @Test("period.from unknown: the duties are conditional on it")
    func unknownStartIsConditional() throws {
        let list = try Self.obligations(Self.measure(period: "period:\n  until: 2030-12-31"), asOf: "2026-12-02")
        #expect(!list.isEmpty)
        #expect(list.allSatisfy { ($0["conditional_on"] as? [String]) == ["period.from"] }, "\(list)")
    }
}
