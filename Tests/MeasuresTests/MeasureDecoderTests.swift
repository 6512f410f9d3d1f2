import Diagnostics
import Measures
import TestSupport
import Testing
import YAMLLoader

/// Decodes `text` as a measure file named `m.yaml`.
func decode(_ text: String, path: String = "m.yaml") -> (measures: [Measure], diagnostics: [Diagnostic]) {
    MeasureSource.load(bytes: Array(text.utf8), path: path, vocabulary: testVocabulary)
}

func date(_ text: String) -> FactValue {
    CalendarDate(text).map(FactValue.date) ?? .text("invalid test date \(text)")
}

/// What every field of ``MeasureFixture/full`` decodes to.
let expectedFacts: [String: FactValue] = [
    "id": .text("KZ-MIID-2026-014"),
    "title": .text("Interest-rate subsidy for auto-component makers"),
    "member_state": .text("KZ"),
    "granting_body.kind": .text("state-owned-enterprise"),
    "granting_body.governmental_authority": .unknown,
    "granting_body.entrusted_or_directed": .bool(true),
    "granting_body.level": .text("national"),
    "granting_body.name": .text("Ministry of Industry and Construction"),
    "legal_basis": .text("Draft Government Resolution \"On support of component production\""),
    "period.from": date("2026-07-01"),
    "period.until": date("2030-12-31"),
    "period.contracts_concluded": date("2010-05-01"),
    "period.initial_term_end": date("2025-05-01"),
    "supports": .list(["goods"]),
    "goods.hs": .list(["8708", "08", "870810"]),
    "goods.services_linked_to_goods": .bool(false),
    "forms": .list(["interest-subsidy", "export-tax-remission"]),
    "benefit": .bool(true),
    "export_tax_remission.exceeds_amounts_accrued": .bool(false),
    "eligibility.limited_to": .list(["industries", "regions"]),
    "eligibility.enterprises": .list([]),
    "eligibility.enterprises_named": .bool(false),
    "eligibility.industries": .list(["motor vehicle components"]),
    "eligibility.regions": .list(["Almaty"]),
    "eligibility.regions_part_of_jurisdiction": .bool(true),
    "eligibility.generally_applicable_tax_rate": .bool(false),
    "eligibility.objective_criteria.neutral": .bool(true),
    "eligibility.objective_criteria.automatic": .unknown,
    "eligibility.objective_criteria.strictly_adhered": .bool(true),
    "eligibility.objective_criteria.in_official_document": .bool(false),
    "eligibility.in_practice.limited_number_of_users": .unknown,
    "eligibility.in_practice.predominant_users": .bool(false),
    "eligibility.in_practice.disproportionate_amounts": .bool(true),
    "eligibility.in_practice.discretionary_granting": .bool(true),
    "conditions.export_performance": .text("none"),
    "conditions.export_destinations": .list(["RU", "any"]),
    "conditions.domestic_goods": .text("in-law"),
    "conditions.domestic_goods_scope": .text("eaeu"),
    "conditions.eaeu_content_met_by_imports": .bool(true),
    "conditions.production_location": .unknown,
    "purposes": .list(["research", "training"]),
    "export_credit.oecd_arrangement": .unknown,
    "amount.value": .number(12_000_000_000),
    "amount.currency": .text("KZT"),
    "amount.per_recipient_usd": .unknown,
    "amount.research_share": .number(37.5),
    "amount.eligible_research_costs_only": .unknown,
    "agriculture.scheduled_export_subsidy": .bool(false),
    "sdt.art27_4_compliant": .unknown,
    "sdt.art29_notified": .bool(false),
    "transitional_measures": .list(["eaeu.annex28.appendix.KZ.auto-assembly", "wto.scm.art27-4-extension"]),
    "law.eaeu_oecd_export_credit_exception": .bool(false),
]

@Suite("Measure decoding: happy paths")
struct MeasureHappyPathTests {
    @Test func fixtureCoversEveryFieldOfTheContract() {
        let contract = Set(testVocabulary.factFields.map(\.path))
        #expect(Set(MeasureFixture.full.leaves.map(\.path)) == contract)
        #expect(Set(expectedFacts.keys) == contract)
    }

    @Test(arguments: testVocabulary.factFields.map(\.path))
    func decodesField(_ path: String) throws {
        let (text, values) = MeasureFixture.full.render()
        let (measures, diagnostics) = decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.compact)")
        let measure = try #require(measures.first)
        let fact = measure[path]
        #expect(fact.value == expectedFacts[path])
        if fact.value != .unknown {
            #expect(fact.range?.start == values[path])
        }
    }

    @Test func measureHeaderFields() throws {
        let (measures, _) = decode(MeasureFixture.full.render().text)
        let measure = try #require(measures.first)
        #expect(measure.id == "KZ-MIID-2026-014")
        #expect(measure.title == "Interest-rate subsidy for auto-component makers")
        #expect(measure.memberState == "KZ")
        #expect(measure.file == "m.yaml")
        #expect(measure.range.start == SourceLocation(line: 1, column: 1))
    }

    @Test(arguments: testVocabulary.factFields.filter { !$0.field.required }.map(\.path))
    func omittedFactIsUnknown(_ path: String) throws {
        var fixture = MeasureFixture.full.removing(path)
        if path == "forms" { fixture = fixture.removing("export_tax_remission.exceeds_amounts_accrued") }
        // An omitted `supports` reads as [goods] when goods are named (tested below).
        if path == "supports" { fixture = fixture.removing("goods.hs") }
        let (measures, diagnostics) = decode(fixture.render().text)
        #expect(diagnostics.isEmpty, "\(diagnostics.compact)")
        let measure = try #require(measures.first)
        #expect(measure[path].value == .unknown)
        #expect(measure[path].range == nil)
    }

    @Test func omittedSupportsIsGoodsWhenGoodsAreNamed() throws {
        let (measures, diagnostics) = decode(MeasureFixture.full.removing("supports").render().text)
        #expect(diagnostics.isEmpty, "\(diagnostics.compact)")
        let measure = try #require(measures.first)
        #expect(measure["supports"].value == .list(["goods"]))
    }

    @Test func emptyExportDestinationsAreUnknown() throws {
        let (measures, diagnostics) = decode("id: X-1\ntitle: T\nmember_state: KZ\nconditions:\n  export_destinations: []\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.compact)")
        let measure = try #require(measures.first)
        #expect(measure["conditions.export_destinations"].value == .unknown)
    }

    @Test func minimalMeasureLeavesEveryOtherFactUnknown() throws {
        let (measures, diagnostics) = decode("id: X-1\ntitle: T\nmember_state: EU\n")
        #expect(diagnostics.isEmpty)
        let measure = try #require(measures.first)
        for (path, _) in testVocabulary.factFields where !["id", "title", "member_state"].contains(path) {
            #expect(measure[path].value == .unknown, "\(path)")
        }
        #expect(measure["no.such.fact"].value == .unknown)
    }

    @Test func omittedSupportsMeansGoodsWhenHSCodesAreGiven() throws {
        let withCodes = decode("id: X-1\ntitle: T\nmember_state: KZ\ngoods: {hs: [\"8708\"]}\n").0
        #expect(try #require(withCodes.first)["supports"].value == .list(["goods"]))
        let withoutCodes = decode("id: X-1\ntitle: T\nmember_state: KZ\ngoods: {hs: []}\n").0
        #expect(try #require(withoutCodes.first)["supports"].value == .unknown)
        let services = decode("id: X-1\ntitle: T\nmember_state: KZ\nsupports: [services]\ngoods: {hs: [\"8708\"]}\n").0
        #expect(try #require(services.first)["supports"].value == .list(["services"]))
    }

    @Test func severalDocumentsAreSeveralMeasures() {
        let (measures, diagnostics) = decode("id: A\ntitle: a\nmember_state: KZ\n---\nid: B\ntitle: b\nmember_state: RU\n")
        #expect(diagnostics.isEmpty)
        #expect(measures.map(\.id) == ["A", "B"])
        #expect(measures.map(\.range.start.line) == [1, 5])
    }
}

/// Every spelling of a tri-state fact, on every tri-state field.
struct TriStateCase: Sendable, CustomTestStringConvertible {
    let path: String
    let spelling: String
    let expected: FactValue?
    var testDescription: String { "\(path): \(spelling)" }
}

let triStateCases: [TriStateCase] = testVocabulary.factFields.filter { $0.field.type == .triState }.flatMap { path, _ in
    [("true", FactValue.bool(true)), ("false", .bool(false)), ("unknown", .unknown), ("yes", .bool(true)),
     ("no", .bool(false)), ("да", .bool(true)), ("Нет", .bool(false)), ("неизвестно", .unknown), ("on", nil), ("off", nil), ("y", nil), ("N", nil), ("maybe", nil), ("\"true\"", nil)]
        .map { TriStateCase(path: path, spelling: $0.0, expected: $0.1) }
}

@Suite("Measure decoding: tri-state facts")
struct TriStateTests {
    @Test(arguments: triStateCases)
    func spelling(_ c: TriStateCase) throws {
        let fixture = MeasureFixture.full.setting(c.path, to: c.spelling)
        let (text, values) = fixture.render()
        let (measures, diagnostics) = decode(text)
        if let expected = c.expected {
            #expect(diagnostics.isEmpty)
            #expect(try #require(measures.first)[c.path].value == expected)
            return
        }
        #expect(measures.isEmpty)
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.range?.start == values[c.path])
        let isYAML11 = ["on", "off", "y", "N"].contains(c.spelling)
        #expect(d.id == (isYAML11 ? "yaml.yaml11-boolean" : "measure.type-mismatch"))
        #expect(d.message.contains("true, false or unknown"))
    }

    @Test func typoInATriStateSuggestsTheWord() throws {
        let fixture = MeasureFixture.full.setting("benefit", to: "ture")
        let (text, values) = fixture.render()
        let d = try #require(decode(text).diagnostics.first)
        #expect(d.compact == "measure.invalid-value@\(values["benefit"]?.description ?? "?")")
        #expect(d.message.contains("did you mean 'true'"))
    }
}
