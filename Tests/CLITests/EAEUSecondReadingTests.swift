// The EAEU half of the second legal reading (legal-review-2.md, issue 15), checked on the built
// `subsidy` with its built-in corpus: exemption end dates under the Appendix proviso, the warnings
// the memo carries where a verdict rests on unread text, and the first ¶97 quarter.
//
// Build first: `swift build`.
import Foundation
import Testing

@Suite("EAEU second reading: dates and warnings (built-in corpus)")
struct EAEUSecondReadingTests {
    private func eaeu(_ file: String, _ asOf: String) throws -> [String: Any] {
        try #require(verdict(try SubsidyCLI.classify(file, asOf: asOf), regime: "eaeu"))
    }

    private func until(_ v: [String: Any]) -> String? {
        (v["exemption"] as? [String: Any])?["until"] as? String
    }

    private func noteRules(_ v: [String: Any]) -> [String] {
        (v["notes"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    @Test("Kazakhstan's items 4, 5 and 6 end no later than the WTO transition (F08, F28, F20)")
    func appendixProviso() throws {
        // Item 5: the earliest of 2023-01-01, 2021-01-01 and the contract's initial term (2027-12-31).
        #expect(until(try eaeu("kz-subsoil-local-content.yaml", "2020-06-01")) == "2021-01-01")
        // Item 4: cut to the WTO transition, 2020-01-01 (itself unverified).
        #expect(until(try eaeu("kz-auto-assembly.yaml", "2019-06-01")) == "2020-01-01")
        // Item 6: no WTO transition found, so it ends on accession, 2015-11-30.
        #expect(until(try eaeu("kz-samruk-procurement.yaml", "2015-06-01")) == "2015-11-30")
    }

    @Test("a verdict resting on unread text carries a warning note (F05, F12)")
    func warnings() throws {
        let credit = try eaeu("kz-oecd-export-credit.yaml", ExampleTable.today)
        #expect(credit["category"] as? String == "undetermined")
        #expect(noteRules(credit).contains("eaeu.annex28.export-credit.oecd-exception-unread"))
        let akimat = try eaeu("kz-turkestan-regional-aid.yaml", ExampleTable.today)
        #expect(noteRules(akimat).contains("eaeu.annex28.section7.other-categories"))
    }

    @Test("an OECD-conforming export credit asks the unread point of law, with both outcomes (F05)")
    func oecdExportCreditAsksThePointOfLaw() throws {
        let credit = try eaeu("kz-oecd-export-credit.yaml", ExampleTable.today)
        #expect(credit["category"] as? String == "undetermined")
        let questions = credit["questions"] as? [[String: Any]] ?? []
        let question = try #require(questions.first { $0["fact"] as? String == "law.eaeu_oecd_export_credit_exception" })
        #expect((question["question"] as? String)?.contains("Annex 28") == true)
        // Each answer alone: no exception in Annex 28 gives prohibited; an exception takes the
        // credit out of the export prohibition (a credit confined to exporters stays specific).
        let outcomes = question["outcomes"] as? [[String: Any]] ?? []
        func category(_ answer: Bool) -> String? {
            outcomes.first { $0["answer"] as? Bool == answer }?["category"] as? String
        }
        #expect(category(false) == "prohibited")
        #expect(category(true) != nil)
        #expect(category(true) != "prohibited")
    }

    @Test("a listed Appendix measure owes no EAEU notification while listed (F27)")
    func listedMeasuresOweNoNotification() throws {
        func eaeuObligations(_ asOf: String) throws -> [String] {
            let result = try SubsidyCLI.classify("kz-subsoil-local-content.yaml", asOf: asOf)
            return (result["obligations"] as? [[String: Any]] ?? [])
                .filter { $0["regime"] as? String == "eaeu" }.compactMap { $0["kind"] as? String }
        }
        #expect(try eaeuObligations("2020-06-01").isEmpty)
        #expect(try Set(eaeuObligations("2021-06-01")) == ["annual-planned", "quarterly-granted"])
    }

    @Test("the first ¶97 quarter is 2018-Q2, not 2018-Q1 which ended before ¶97 applied (F26)")
    func firstQuarterlyReport() throws {
        let output = try SubsidyCLI.run(["deadlines", "--member", "KZ", "--from", "2018-01-01", "--until", "2018-12-31",
                                         "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [[String: Any]])
        let quarters = list.filter { $0["kind"] as? String == "quarterly-granted" }.compactMap { $0["covers"] as? String }
        #expect(quarters == ["2018-Q2", "2018-Q3"])
    }
}
