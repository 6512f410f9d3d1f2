import Diagnostics
import Measures
import TestSupport
import Testing

/// A wrong value for one field: the diagnostic id, where it is (the value, or an item `itemColumn`
/// columns into it) and what the message must say.
struct BadValueCase: Sendable, CustomTestStringConvertible {
    let path: String
    let value: String
    let id: String
    var itemColumn = 0
    var says: String?
    var testDescription: String { "\(path): \(value)" }
}

let badValues: [BadValueCase] = [
    BadValueCase(path: "id", value: "[a]", id: "measure.type-mismatch", says: "expected text, found a list"),
    BadValueCase(path: "title", value: "{a: b}", id: "measure.type-mismatch", says: "found a mapping"),
    BadValueCase(path: "member_state", value: "kz", id: "measure.invalid-value", says: "ISO 3166-1"),
    BadValueCase(path: "member_state", value: "KAZ", id: "measure.invalid-value"),
    BadValueCase(path: "granting_body.kind", value: "goverment", id: "measure.invalid-value",
                 says: "did you mean 'government'"),
    BadValueCase(path: "granting_body.kind", value: "[government]", id: "measure.type-mismatch"),
    BadValueCase(path: "granting_body.level", value: "nationl", id: "measure.invalid-value",
                 says: "did you mean 'national'"),
    BadValueCase(path: "granting_body.name", value: "[x]", id: "measure.type-mismatch"),
    BadValueCase(path: "legal_basis", value: "{x: 1}", id: "measure.type-mismatch"),
    BadValueCase(path: "period.from", value: "2026-02-30", id: "measure.invalid-date", says: "not a day of the calendar"),
    BadValueCase(path: "period.from", value: "July 2026", id: "measure.invalid-date", says: "expected a date YYYY-MM-DD"),
    BadValueCase(path: "period.until", value: "2100-02-29", id: "measure.invalid-date"),
    BadValueCase(path: "period.contracts_concluded", value: "[2010-05-01]", id: "measure.type-mismatch"),
    BadValueCase(path: "period.initial_term_end", value: "[2010-05-01]", id: "measure.type-mismatch"),
    BadValueCase(path: "goods.hs", value: "[\"87081\"]", id: "measure.invalid-hs-code", itemColumn: 1),
    BadValueCase(path: "goods.hs", value: "[8708, 87a8]", id: "measure.invalid-hs-code", itemColumn: 7),
    BadValueCase(path: "goods.hs", value: "8708", id: "measure.type-mismatch", says: "a list"),
    BadValueCase(path: "forms", value: "[grnt]", id: "measure.invalid-value", itemColumn: 1, says: "did you mean 'grant'"),
    BadValueCase(path: "forms", value: "[]", id: "measure.empty-list"),
    BadValueCase(path: "forms", value: "grant", id: "measure.type-mismatch"),
    BadValueCase(path: "forms", value: "[grant, grant]", id: "measure.duplicate-item", itemColumn: 8),
    BadValueCase(path: "eligibility.limited_to", value: "[industry]", id: "measure.invalid-value", itemColumn: 1,
                 says: "did you mean 'industries'"),
    BadValueCase(path: "eligibility.enterprises", value: "Kamaz", id: "measure.type-mismatch"),
    BadValueCase(path: "eligibility.industries", value: "[[a]]", id: "measure.type-mismatch", itemColumn: 1),
    BadValueCase(path: "eligibility.regions", value: "{a: 1}", id: "measure.type-mismatch"),
    BadValueCase(path: "conditions.export_performance", value: "in_law", id: "measure.invalid-value",
                 says: "did you mean 'in-law'"),
    BadValueCase(path: "conditions.export_destinations", value: "any", id: "measure.type-mismatch"),
    BadValueCase(path: "conditions.domestic_goods", value: "yes", id: "measure.invalid-value"),
    BadValueCase(path: "conditions.domestic_goods_scope", value: "EAEU", id: "measure.invalid-value",
                 says: "did you mean 'eaeu'"),
    BadValueCase(path: "conditions.production_location", value: "[none]", id: "measure.type-mismatch"),
    BadValueCase(path: "supports", value: "[servises]", id: "measure.invalid-value", itemColumn: 1,
                 says: "did you mean 'services'"),
    BadValueCase(path: "purposes", value: "[reserch]", id: "measure.invalid-value", itemColumn: 1,
                 says: "did you mean 'research'"),
    BadValueCase(path: "amount.value", value: "-5", id: "measure.invalid-value", says: "cannot be negative"),
    BadValueCase(path: "amount.value", value: "lots", id: "measure.type-mismatch", says: "a number"),
    BadValueCase(path: "amount.currency", value: "[KZT]", id: "measure.type-mismatch"),
    BadValueCase(path: "amount.per_recipient_usd", value: "\"unknown\"", id: "measure.type-mismatch"),
    BadValueCase(path: "amount.research_share", value: ".nan", id: "measure.type-mismatch"),
    BadValueCase(path: "transitional_measures", value: "[wto.scm.art27-4-extensoin]",
                 id: "measure.unknown-transitional-measure", itemColumn: 1,
                 says: "did you mean 'wto.scm.art27-4-extension'"),
    BadValueCase(path: "transitional_measures", value: "[eaeu.annex28.appendix.BY.Bad_Slug]",
                 id: "measure.unknown-transitional-measure", itemColumn: 1),
]

@Suite("Measure decoding: wrong values")
struct MeasureErrorTests {
    @Test(arguments: badValues)
    func reportsAtTheValue(_ c: BadValueCase) throws {
        let (text, values) = MeasureFixture.full.setting(c.path, to: c.value).render()
        let (measures, diagnostics) = decode(text)
        #expect(measures.isEmpty)
        let matching = diagnostics.filter { $0.id == c.id }
        #expect(matching.count == 1, "\(diagnostics.compact)")
        let d = try #require(matching.first)
        let at = try #require(values[c.path])
        #expect(d.range?.start == SourceLocation(line: at.line, column: at.column + c.itemColumn))
        if let says = c.says { #expect(d.message.contains(says), "\(d.message)") }
    }

    @Test func everyFieldHasAWrongValueCase() {
        let covered = Set(badValues.map(\.path))
        let triStates = Set(testVocabulary.factFields.filter { $0.field.type == .triState }.map(\.path))
        let contract = Set(testVocabulary.factFields.map(\.path))
        #expect(contract.subtracting(triStates).subtracting(covered).isEmpty)
    }

    @Test func unknownKeySuggestsTheNearestKey() throws {
        let (text, _) = MeasureFixture.full.renaming("benefit", to: "benefits").renaming("goods.hs", to: "HS").render()
        let diagnostics = decode(text).diagnostics
        #expect(diagnostics.map(\.id) == ["measure.unknown-key", "measure.unknown-key"])
        #expect(diagnostics.map(\.message).contains { $0.contains("'benefits'") && $0.contains("did you mean 'benefit'") })
        #expect(diagnostics.map(\.message).contains { $0.contains("did you mean 'hs'") })
    }

    @Test(arguments: ["id", "title", "member_state"])
    func requiredFieldIsMissing(_ path: String) throws {
        let diagnostics = decode(MeasureFixture.full.removing(path).render().text).diagnostics
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.id == "measure.missing-key")
        #expect(d.message.contains("'\(path)'"))
    }

    @Test func requiredFieldGivenAsNull() throws {
        let (text, _) = MeasureFixture.full.setting("title", to: "~").render()
        #expect(decode(text).diagnostics.map(\.id) == ["measure.missing-key"])
    }

    @Test func groupMustBeAMapping() throws {
        let (text, values) = MeasureFixture.full.removing("period.until").removing("period.contracts_concluded")
            .removing("period.initial_term_end").removing("period.from").setting("period", to: "2026").render()
        let d = try #require(decode(text).diagnostics.first)
        #expect(d.id == "measure.type-mismatch")
        #expect(d.range?.start == values["period"])
    }

    @Test func remissionWithoutItsFormIsInconsistent() throws {
        let (text, _) = MeasureFixture.full.setting("forms", to: "[grant]").render()
        #expect(decode(text).diagnostics.map(\.id) == ["measure.inconsistent"])
    }

    @Test func periodMustNotEndBeforeItStarts() throws {
        let (text, values) = MeasureFixture.full.setting("period.until", to: "2026-06-30").render()
        let diagnostics = decode(text).diagnostics
        #expect(diagnostics.map(\.id) == ["measure.inverted-period"])
        #expect(diagnostics.first?.range?.start == values["period.until"])
    }

    @Test func documentThatIsNotAMappingIsReported() {
        #expect(decode("- a\n- b\n").diagnostics.map(\.id) == ["measure.type-mismatch"])
    }

    @Test(arguments: ["", "# nothing here\n"])
    func fileWithoutAMeasure(_ text: String) {
        #expect(decode(text).diagnostics.map(\.compact) == ["measure.empty@1:1"])
    }

    @Test func yamlErrorsComeThroughWithTheirLocation() {
        let diagnostics = decode("id: a\nid: b\ntitle: t\nmember_state: KZ\n").diagnostics
        #expect(diagnostics.map(\.compact) == ["yaml.duplicate-key@2:1"])
    }
}
