import Engine
import Measures
import RuleCompiler
import Testing

/// Exemptions with no end date of their own: `until` omitted in the rule language, or the far date
/// 9999-12-31 that rule files wrote for it before; either way the finding's `until` is `nil`.
@Suite("Open-ended exemptions")
struct OpenEndedExemptionTests {
    static func exemptionVerdict(until: String?) throws -> RegimeVerdict {
        let end = until.map { "until: \($0)" } ?? ""
        let open = corpus.replacingOccurrences(
            of: "then: {exemption: {until: 2018-01-01}, suspends: [wto.export]}",
            with: "then: {exemption: {\(end)}, suspends: [wto.export]}")
        #expect(open != corpus)
        let g = try graph(open)
        let m = try measure("id: x\ntitle: x\nmember_state: KZ\ngranting_body: {kind: government}\nbenefit: true\n"
            + "forms: [grant]\nconditions: {export_performance: in-law}\ntransitional_measures: [wto.accession.KZ.auto-assembly]\n",
            rules: g)
        return try #require(Classifier(graph: g).classify(m, asOf: date("2026-12-02")).verdicts.first { $0.regime == .wto })
    }

    @Test("until omitted: the exemption applies with no end")
    func omittedUntil() throws {
        let v = try Self.exemptionVerdict(until: nil)
        #expect(v.category == .prohibited)
        #expect(v.exemption?.rule == "wto.accession.KZ.auto-assembly")
        #expect(v.exemption != nil && v.exemption?.until == nil)
    }

    @Test("until 9999-12-31 is read as no end")
    func farDate() throws {
        let v = try Self.exemptionVerdict(until: "9999-12-31")
        #expect(v.exemption?.rule == "wto.accession.KZ.auto-assembly")
        #expect(v.exemption != nil && v.exemption?.until == nil)
    }

    @Test("an ended exemption's reason names its last covered day and its exclusive end")
    func endedReason() throws {
        #expect(Reason.ended(date("2020-12-31")).text
            == "its conditions hold, but it covered only through 2020-12-30 (until 2020-12-31, exclusive)")
    }

    @Test("a measure's period: until is its last day, 9999-12-31 is open-ended")
    func grantingPeriod() {
        let p = GrantingPeriod(from: date("2027-01-01"), lastDay: date("2027-12-31"))
        #expect(p.end == date("2028-01-01"))
        #expect(p.overlaps(start: date("2027-10-01"), end: date("2028-01-01")))
        #expect(!p.overlaps(start: date("2028-01-01"), end: date("2028-04-01")))
        #expect(!p.overlaps(start: date("2026-10-01"), end: date("2027-01-01")))
        #expect(GrantingPeriod(from: nil, lastDay: date("9999-12-31")).end == nil)
    }
}
