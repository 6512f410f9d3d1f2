// Legal review F11 (issue 15, third reading), checked on the built `subsidy` with its built-in
// corpus: a content condition that goods of any EAEU member state satisfy is not, on its face,
// "domestic over imported" (SCM Art. 3.1(b)); the WTO side asks whether goods imported from the
// other member states alone can meet it, and warns about GATT III:4 / TRIMs whatever the answer.
//
// Build first: `swift build`.
import Foundation
import Testing

@Suite("WTO: an EAEU-wide content condition (F11, built-in corpus)")
struct WTOUnionContentTests {
    private func wto(_ file: String) throws -> [String: Any] {
        try #require(verdict(try SubsidyCLI.classify(file, asOf: ExampleTable.today), regime: "wto"))
    }

    @Test("whether imports from the other member states alone meet it is asked: no → prohibited, yes → not under 3.1(b)")
    func asksWhetherImportsAloneMeetTheCondition() throws {
        let grant = try wto("kz-eaeu-content-grant.yaml")
        #expect(grant["category"] as? String == "undetermined")
        let questions = grant["questions"] as? [[String: Any]] ?? []
        let question = try #require(questions.first { $0["fact"] as? String == "conditions.eaeu_content_met_by_imports" })
        let outcomes = question["outcomes"] as? [[String: Any]] ?? []
        func category(_ answer: Bool) -> String? {
            outcomes.first { $0["answer"] as? Bool == answer }?["category"] as? String
        }
        #expect(category(false) == "prohibited")
        #expect(category(true) == "actionable")
    }

    @Test("the GATT III:4 / TRIMs warning is in the memo whatever the SCM verdict")
    func warnsAboutGATTAndTRIMs() throws {
        let grant = try wto("kz-eaeu-content-grant.yaml")
        let notes = (grant["notes"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(notes.contains("wto.gatt.art3-4.union-content-advice"))
    }

    @Test("a national content condition is prohibited with no question about imports")
    func nationalContentIsProhibited() throws {
        let grant = try wto("kz-auto-components.yaml")
        #expect(grant["category"] as? String == "prohibited")
        let questions = (grant["questions"] as? [[String: Any]] ?? []).compactMap { $0["fact"] as? String }
        #expect(!questions.contains("conditions.eaeu_content_met_by_imports"))
    }
}
